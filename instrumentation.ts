/**
 * Runs once when a server starts: local secrets for `next start` without the start script (e.g. tests),
 * the check of every environment variable (a bad one stops the start with its name), and the sweep
 * that expires unpaid orders. NEXT_RUNTIME is read here as Next documents it (replaced at build time).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { ensureLocalSecrets, getEnv } = await import('./lib/env');
    ensureLocalSecrets();
    getEnv();
    const { startExpirySweep } = await import('./lib/payments/sweep');
    startExpirySweep();
  }
}
