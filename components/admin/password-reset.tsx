'use client';

import { useActionState } from 'react';
import { startPasswordResetAction } from '@/lib/actions/admin';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

/** 重置密码 for one user: the office gets a one-time link (24 h) to hand over, shown only this once. */
export function PasswordResetButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(startPasswordResetAction, null);
  const path = state?.ok ? state.data?.resetPath : undefined;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`重置密码 ${name}`}>
        重置密码
      </Button>
      {state && !state.ok ? (
        <p role="status" className="text-sm text-brand-700">
          {state.error}
        </p>
      ) : null}
      {path ? (
        <Notice tone="success">
          <p className="font-medium">{state?.ok ? state.message : ''}</p>
          <p className="mt-1 font-mono break-all" data-testid="reset-link">
            {typeof window === 'undefined' ? path : `${window.location.origin}${path}`}
          </p>
        </Notice>
      ) : null}
    </form>
  );
}
