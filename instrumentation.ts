/** Runs once when a server starts: local secrets for `next start` without the start script (e.g. tests). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { ensureLocalSecrets } = await import('./lib/local-secrets');
    ensureLocalSecrets();
  }
}
