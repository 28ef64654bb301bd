import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = './.data/secrets.json';
const NAMES = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY'] as const;

/**
 * Puts AUTH_SECRET and DATA_ENCRYPTION_KEY into process.env. For local use they are generated once
 * into .data/secrets.json; a production deployment on a real PostgreSQL must set them itself.
 */
export function ensureLocalSecrets(): void {
  const missing = NAMES.filter((n) => !process.env[n]);
  if (missing.length === 0) return;
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
    throw new Error(
      `Set ${missing.join(' and ')}: they are required when NODE_ENV=production and DATABASE_URL is set.`,
    );
  }
  let stored: Record<string, string> = {};
  if (existsSync(FILE)) stored = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
  let changed = false;
  for (const n of NAMES) {
    if (!stored[n]) {
      stored[n] = randomBytes(32).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync('./.data', { recursive: true });
    writeFileSync(FILE, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  for (const n of missing) process.env[n] = stored[n];
}
