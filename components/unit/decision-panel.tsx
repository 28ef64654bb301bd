'use client';

import { useActionState, useRef } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Button } from '../ui/button';
import { inputClass } from '../ui/field';
import { Notice } from '../ui/notice';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * 通过 / 驳回 a purchase order, each behind a confirmation (a modal <dialog>: focus moves into it, Esc
 * closes it) that repeats the order number and the total in figures and in 大写. 驳回 asks for a reason.
 * The same panel serves the unit's approver and the programme office (each with its own action).
 */
export function DecisionPanel({
  action,
  orderNo,
  totalText,
  capitalText,
}: {
  action: Action;
  orderNo: string;
  totalText: string;
  capitalText: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const approveRef = useRef<HTMLDialogElement>(null);
  const rejectRef = useRef<HTMLDialogElement>(null);
  const dialogClass =
    'm-auto w-[min(92vw,28rem)] rounded-xl bg-white p-5 text-neutral-900 shadow-xl backdrop:bg-black/40';
  if (state?.ok) return <Notice tone="success">{state.message}</Notice>;
  return (
    <div>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => approveRef.current?.showModal()} aria-haspopup="dialog">
          通过
        </Button>
        <Button variant="danger" onClick={() => rejectRef.current?.showModal()} aria-haspopup="dialog">
          驳回
        </Button>
      </div>
      {state && !state.ok ? (
        <Notice tone="error" className="mt-3">
          {state.error}
        </Notice>
      ) : null}
      <dialog ref={approveRef} aria-labelledby={`ap-${orderNo}-h`} className={dialogClass}>
        <form action={formAction} onSubmit={() => approveRef.current?.close()}>
          <input type="hidden" name="orderNo" value={orderNo} />
          <input type="hidden" name="decision" value="approve" />
          <h2 id={`ap-${orderNo}-h`} className="text-lg font-semibold">
            确认通过采购单？
          </h2>
          <p className="mt-2 text-sm">
            采购单 <span className="tabular">{orderNo}</span>，合计
          </p>
          <p className="mt-1 text-2xl font-bold text-brand-700 tabular" data-testid="confirm-total">
            {totalText}
          </p>
          <p className="text-sm text-neutral-700">{capitalText}</p>
          <p className="mt-2 text-sm text-neutral-700">通过后单位须按此金额转账；库存继续为本单保留。</p>
          <div className="mt-4 flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={() => approveRef.current?.close()}>
              取消
            </Button>
            <Button type="submit" disabled={pending}>
              确认通过
            </Button>
          </div>
        </form>
      </dialog>
      <dialog ref={rejectRef} aria-labelledby={`rj-${orderNo}-h`} className={dialogClass}>
        <form action={formAction} onSubmit={() => rejectRef.current?.close()}>
          <input type="hidden" name="orderNo" value={orderNo} />
          <input type="hidden" name="decision" value="reject" />
          <h2 id={`rj-${orderNo}-h`} className="text-lg font-semibold">
            确认驳回采购单？
          </h2>
          <p className="mt-2 text-sm">
            采购单 <span className="tabular">{orderNo}</span>，合计 <strong className="tabular">{totalText}</strong>（
            {capitalText}）。驳回后库存释放，采购员可重新下单。
          </p>
          <label htmlFor={`rj-${orderNo}-reason`} className="mt-3 mb-1 block text-sm font-medium">
            驳回原因
          </label>
          <textarea
            id={`rj-${orderNo}-reason`}
            name="reason"
            required
            minLength={2}
            maxLength={200}
            rows={3}
            className={`${inputClass} h-auto py-2`}
          />
          <div className="mt-4 flex flex-wrap justify-end gap-3">
            <Button variant="secondary" onClick={() => rejectRef.current?.close()}>
              取消
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              确认驳回
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
