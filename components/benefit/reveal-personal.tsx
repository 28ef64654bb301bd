'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * 查看身份信息: the name and ID number are never in the page; this button asks the server, which checks
 * who is asking and writes the reveal to the audit log before answering.
 */
export function RevealPersonal({ action, householdId, code }: { action: Action; householdId: number; code: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-2">
      <form action={formAction}>
        <input type="hidden" name="householdId" value={householdId} />
        <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`查看 ${code} 的身份信息`}>
          {pending ? '读取中…' : '查看身份信息'}
        </Button>
      </form>
      {state?.ok && state.data ? (
        <Notice tone="info">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt>姓名</dt>
            <dd data-testid="revealed-name">{state.data.name}</dd>
            <dt>身份证号</dt>
            <dd className="tabular" data-testid="revealed-id">
              {state.data.idNumber}
            </dd>
          </dl>
          <p className="mt-1 text-xs">{state.message}</p>
        </Notice>
      ) : null}
      {state && !state.ok ? <Notice tone="error">{state.error}</Notice> : null}
    </div>
  );
}
