import 'server-only';
import { headers } from 'next/headers';
import { appUrlWarning, getEnv } from '@/lib/env';

let warned = false;

/**
 * The public origin for links printed outside the site (QR codes): APP_URL, read at run time, so one
 * build serves any address. The first request for a non-local host while APP_URL is unset logs a
 * warning (once per process).
 */
export async function publicOrigin(): Promise<string> {
  const env = getEnv();
  if (!warned && !env.APP_URL) {
    const warning = appUrlWarning(env, (await headers()).get('host'));
    if (warning) {
      warned = true;
      console.warn(warning);
    }
  }
  return env.appUrl;
}
