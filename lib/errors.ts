import { ERRORS, type ErrorCode } from '@/domain/errors';
import { pgErrorCode } from '@/db/tx';

export { ERRORS, type ErrorCode };

/**
 * The one error type that services, guards and actions throw. The server-action wrapper
 * (lib/actions/safe-action.ts) and the route-handler wrapper (lib/http/route.ts) turn it into a result
 * or a response; nothing else catches it. The message defaults to the code's one message (domain/errors).
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message ?? ERRORS[code].message);
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
  get handling(): 'log' | 'show' {
    return ERRORS[this.code].handling;
  }
}

/** Any thrown value as an AppError; unknown errors become `internal` (the caller logs them by name only). */
export function toAppError(e: unknown): AppError {
  return e instanceof AppError ? e : new AppError('internal');
}

/**
 * An error for logs: its name and, for database and network errors, its code (SQLSTATE, ECONNREFUSED);
 * never its message, which may hold personal data.
 */
export function errorName(e: unknown): string {
  const code = pgErrorCode(e);
  return `${e instanceof Error ? e.name : 'unknown'}${code ? ` (${code})` : ''}`;
}

/**
 * A unique or foreign-key violation as the AppError the caller names for it (e.g. an e-mail already
 * registered); any other error unchanged. For `catch (e) { throw asConstraintError(e, {...}) }`.
 */
export function asConstraintError(e: unknown, map: { unique?: AppError; foreignKey?: AppError }): unknown {
  const code = pgErrorCode(e);
  if (code === '23505' && map.unique) return map.unique;
  if (code === '23503' && map.foreignKey) return map.foreignKey;
  return e;
}
