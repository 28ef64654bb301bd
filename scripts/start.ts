import { spawn } from 'node:child_process';
import { buildIsCurrent } from './build-stamp';
import { buildApp } from './build';
import { prepareDatabase } from './prepare-db';
import { appUrlWarning, getEnv } from '@/lib/env';

/**
 * `npm start`: generate local secrets, migrate, seed the demo data, build if the sources changed since
 * the last build, then serve. On a fresh machine `npm ci && npm start` needs nothing else.
 */
process.env.NEXT_TELEMETRY_DISABLED = '1';
if (buildIsCurrent()) await prepareDatabase();
else await buildApp();

// The QR codes print APP_URL (read at run time); unset on a deployment they would print localhost.
const warning = appUrlWarning(getEnv());
if (warning) console.warn(warning);

const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true' },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
