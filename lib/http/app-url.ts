import 'server-only';
import { appUrlWarning, getEnv } from '@/lib/env';

let warned = false;

/**
 * The public origin for links printed outside the site (QR codes): APP_URL, read at run time, so one
 * build serves any address (product pages are rendered by the running server, never at build).
 */
export function publicOrigin(): string {
  return getEnv().appUrl;
}

/** The first request for a non-local host while APP_URL is unset logs a warning (once per process; proxy.ts). */
export function warnOnceIfAppUrlUnset(host: string | null): void {
  const env = getEnv();
  if (warned || env.APP_URL) return;
  const warning = appUrlWarning(env, host);
  if (warning) {
    warned = true;
    console.warn(warning);
  }
}
