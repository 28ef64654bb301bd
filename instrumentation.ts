/**
 * Runs once when a server starts: local secrets for `next start` without the start script (e.g. tests),
 * and the sweep that expires unpaid orders.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { ensureLocalSecrets } = await import('./lib/local-secrets');
    ensureLocalSecrets();
    const { startExpirySweep } = await import('./lib/payments/sweep');
    startExpirySweep();
  }
}
