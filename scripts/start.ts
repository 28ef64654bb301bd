import { spawn } from 'node:child_process';
import { buildIsCurrent } from './build-stamp';
import { buildApp } from './build';
import { prepareDatabase } from './prepare-db';
import { markServing, servingPids, startPlan } from './serving';
import { appUrlWarning, getEnv } from '@/lib/env';

/**
 * `npm start`: generate local secrets, migrate, seed the demo data, build if the sources changed since
 * the last build (a newcomer's start only: see scripts/serving.ts), then serve. On a fresh machine
 * `npm ci && npm start` needs nothing else. The port, APP_URL and the rest of the deployment are read at
 * run time, so several starts on several ports share one build.
 */
process.env.NEXT_TELEMETRY_DISABLED = '1';
const port = process.env.PORT ?? '3000';
const plan = startPlan({
  buildCurrent: buildIsCurrent(),
  production: process.env.NODE_ENV === 'production',
  servingPids: servingPids(),
});
if (plan.kind === 'refuse') {
  console.error(plan.reason);
  process.exit(1);
}
markServing(port);
if (plan.kind === 'build') await buildApp();
else await prepareDatabase();

// The QR codes print APP_URL (read at run time); unset on a deployment they would print localhost.
const warning = appUrlWarning(getEnv());
if (warning) console.warn(warning);

const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
