'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Household = {
  id: number;
  code: string;
  village: string;
  supplierName: string;
  townshipName: string;
  hasConfirmCode: boolean;
  confirmCodeFailures: number;
};
type SheetRow = { householdId: number; code: string; village: string; supplierName: string; confirmCode: string };

/**
 * 打印确认码: choose households, and the server makes new 8-digit codes (only their hash is kept). The
 * codes are shown this once, as a sheet to print and cut into slips for the households.
 */
export function ConfirmCodeSheet({ action, households }: { action: Action; households: Household[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const sheet: SheetRow[] = state?.ok && state.data?.sheet ? (JSON.parse(state.data.sheet) as SheetRow[]) : [];
  if (sheet.length)
    return (
      <div>
        <Notice tone="success" className="print:hidden">
          {state?.ok ? state.message : ''}。离开本页后将无法再次查看，请立即打印。
        </Notice>
        <div className="mt-3 print:hidden">
          <Button onClick={() => window.print()}>打印</Button>
        </div>
        <ul className="mt-4 grid gap-2 sm:grid-cols-2 print:grid-cols-2" aria-label="农户确认码">
          {sheet.map((r) => (
            <li
              key={r.householdId}
              className="break-inside-avoid rounded-lg border border-dashed border-neutral-400 p-3"
            >
              <p className="text-sm">
                {r.supplierName} · {r.village}
              </p>
              <p className="font-medium tabular">农户编码 {r.code}</p>
              <p className="mt-1 text-2xl font-bold tracking-widest tabular" data-testid={`code-${r.code}`}>
                {r.confirmCode}
              </p>
              <p className="text-xs text-neutral-700">领取现金时把确认码告诉发放人；请勿告诉他人。</p>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <form action={formAction} className="space-y-3">
      <fieldset>
        <legend className="mb-2 text-sm font-medium">选择要打印确认码的农户（重新打印会使旧码失效）</legend>
        {households.length > 1 ? (
          <label className="flex min-h-11 items-center gap-3 border-b border-neutral-200 text-sm font-medium">
            <input
              type="checkbox"
              className="size-5 accent-brand-600"
              onChange={(e) =>
                e.currentTarget.form
                  ?.querySelectorAll<HTMLInputElement>('input[name="householdIds"]')
                  .forEach((box) => (box.checked = e.currentTarget.checked))
              }
            />
            全选（{households.length} 户）
          </label>
        ) : null}
        {households.length ? (
          <ul className="divide-y divide-neutral-100">
            {households.map((h) => (
              <li key={h.id}>
                <label className="flex min-h-11 items-center gap-3 text-sm">
                  <input type="checkbox" name="householdIds" value={h.id} className="size-5 accent-brand-600" />
                  <span className="font-medium whitespace-nowrap tabular">{h.code}</span>
                  <span className="text-neutral-700">
                    {h.supplierName} · {h.townshipName}
                    {h.village}
                    {h.confirmCodeFailures >= 5 ? ' · 已锁定' : h.hasConfirmCode ? ' · 已有确认码' : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-neutral-700">您负责的乡镇（街道）还没有在册农户。</p>
        )}
      </fieldset>
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
      <Button type="submit" disabled={pending || !households.length}>
        {pending ? '生成中…' : '生成确认码'}
      </Button>
    </form>
  );
}
