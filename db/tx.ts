import { getDb, type Tx } from './client';

/** Postgres error codes worth a retry: deadlock_detected and serialization_failure. */
const RETRYABLE = new Set(['40P01', '40001']);

export function pgErrorCode(e: unknown): string | undefined {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof err?.code === 'string' ? err.code : typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
  return code;
}

/** The DETAIL of a Postgres error, as the driver reports it or as drizzle wraps it. */
export function pgErrorDetail(e: unknown): string | undefined {
  const err = e as { detail?: unknown; cause?: { detail?: unknown } };
  return typeof err?.detail === 'string'
    ? err.detail
    : typeof err?.cause?.detail === 'string'
      ? err.cause.detail
      : undefined;
}

/** Runs a transaction again (with a little jitter) when Postgres aborted it for a deadlock or serialization failure. */
export async function withTxRetry<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || !RETRYABLE.has(pgErrorCode(e) ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 20));
    }
  }
}

/**
 * Opens the transaction a service works in; its queries take `tx`. With `retry`, the whole function
 * runs again after a deadlock or serialization failure, so it must not have effects outside `tx`.
 */
export function transaction<T>(fn: (tx: Tx) => Promise<T>, { retry = false }: { retry?: boolean } = {}): Promise<T> {
  const run = () => getDb().transaction(fn);
  return retry ? withTxRetry(run) : run();
}
