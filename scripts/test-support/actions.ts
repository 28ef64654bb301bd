import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A server action as tests call it: (previous state, input) → ActionResult. */
export type ActionFn = (
  prev: unknown,
  input: unknown,
) => Promise<{ ok: boolean; code?: string; error?: string; fieldErrors?: Record<string, string> }>;

/**
 * Every exported `…Action` of lib/actions/, by name, so that the authorization matrix and the fuzzer
 * cover each new action without being told about it.
 */
export async function loadActions(): Promise<Record<string, ActionFn>> {
  const dir = fileURLToPath(new URL('../../lib/actions/', import.meta.url));
  const actions: Record<string, ActionFn> = {};
  for (const file of readdirSync(dir).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'safe-action.ts',
  )) {
    const mod = (await import(`${dir}${file}`)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod))
      if (name.endsWith('Action') && typeof fn === 'function') actions[name] = fn as ActionFn;
  }
  return actions;
}
