import '@/lib/validation/zod-config';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { AuthzError } from '@/lib/auth/guards';
import { cleanInput } from '@/lib/validation/clean-input';

/** What every action returns to useActionState: Chinese messages, never a bare string or a thrown error. */
export type ActionResult =
  | { ok: true; message?: string; data?: Record<string, string> }
  | {
      ok: false;
      code: 'invalid_input' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'internal';
      error: string;
      fieldErrors?: Record<string, string>;
    };

export class ActionError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'invalid_input',
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

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
 * depends on ids in the input, so it cannot be hoisted here). Errors become typed results.
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
      return { ok: false, code: 'invalid_input', error: '请检查填写的内容' };
    }
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'form');
        fieldErrors[key] ??= issue.message;
      }
      return { ok: false, code: 'invalid_input', error: '请检查填写的内容', fieldErrors };
    }
    try {
      return await handler(parsed.data);
    } catch (e) {
      unstable_rethrow(e);
      if (e instanceof AuthzError) return { ok: false, code: e.code, error: e.message };
      if (e instanceof ActionError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fieldErrors };
      console.error('[action] failed:', e instanceof Error ? e.name : 'unknown');
      return { ok: false, code: 'internal', error: '操作失败，请稍后再试' };
    }
  };
}

/** Postgres unique violations (23505) as a typed conflict. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23505' || err?.cause?.code === '23505';
}
