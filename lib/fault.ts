import { getEnv } from '@/lib/env';

/**
 * Fault injection for the system tests (e2e/system/faults.spec.ts): when GEJIU_FAULT_POINT names a
 * point, the code pauses there for GEJIU_FAULT_DELAY_MS, so that a test can kill the process at that
 * moment. Unset (always, outside those tests) it does nothing.
 */
export async function faultPoint(name: string): Promise<void> {
  const env = getEnv();
  if (env.GEJIU_FAULT_POINT !== name) return;
  console.error(`[fault] pausing at ${name}`);
  await new Promise((r) => setTimeout(r, env.GEJIU_FAULT_DELAY_MS));
}
