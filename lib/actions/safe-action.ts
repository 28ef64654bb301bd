import '@/lib/validation/zod-config';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AppError, errorName, toAppError, type ErrorCode } from '@/lib/errors';
import { cleanInput } from '@/lib/validation/clean-input';

/** What every action returns to useActionState: Chinese messages, never a bare string or a thrown error. */
export type ActionResult =
  | { ok: true; message?: string; data?: Record<string, string> }
  | { ok: false; code: ErrorCode; error: string; fieldErrors?: Record<string, string> };

function toObject(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of input.entries()) {
      if (k.startsWith('$ACTION')) continue;
      // A repeated name (checkbox lists) becomes an array; schemas that expect one value refuse it.
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  return input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
}

/**
 * Wraps a server action: zod parse first, then the handler, which calls its guard itself (the guard
 * depends on ids in the input, so it cannot be hoisted here). An AppError thrown by the handler, a guard
 * or a service becomes its typed result here, once; any other error is `internal`, logged by name only.
 */
export function validatedAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>) => Promise<ActionResult>,
) {
  return async (_prev: ActionResult | null, input: unknown): Promise<ActionResult> => {
    let parsed: z.ZodSafeParseResult<z.output<S>>;
    try {
      parsed = schema.safeParse(cleanInput(toObject(input)));
    } catch {
      // A schema must never throw; if one does, the input is still refused, not a 500.
      console.error('[action] schema threw');
      return failure(new AppError('invalid_input'));
    }
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        fieldErrors[key] ??= issue.message;
      }
      return failure(new AppError('invalid_input', undefined, fieldErrors));
    }
    try {
      return await handler(parsed.data);
    } catch (e) {
      unstable_rethrow(e);
      const err = toAppError(e);
      if (err.handling === 'log') console.error('[action] failed:', errorName(e));
      return failure(err);
    }
  };
}

function failure(e: AppError): ActionResult {
  return { ok: false, code: e.code, error: e.message, ...(e.fields ? { fieldErrors: e.fields } : {}) };
}
