/**
 * Fault injection for the system tests (e2e/system/faults.spec.ts): when GEJIU_FAULT_POINT names a
 * point, the code pauses there for GEJIU_FAULT_DELAY_MS, so that a test can kill the process at that
 * moment. Unset (always, outside those tests) it does nothing.
 */
export async function faultPoint(name: string): Promise<void> {
  if (process.env.GEJIU_FAULT_POINT !== name) return;
  console.error(`[fault] pausing at ${name}`);
  await new Promise((r) => setTimeout(r, Number(process.env.GEJIU_FAULT_DELAY_MS ?? 0)));
}
