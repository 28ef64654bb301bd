'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { DIFFERENCE_LABELS, type DifferenceKind } from '@/domain/statements';
import { Button } from '../ui/button';
import { DataTable } from '../ui/data-table';
import { Field, inputClass } from '../ui/field';
import { Money } from '../ui/money';
import { Notice } from '../ui/notice';

type Action = (prev: ActionResult | null, fd: FormData) => Promise<ActionResult>;
type Row = {
  kind: DifferenceKind;
  entry: 'payment' | 'refund';
  externalRef: string;
  orderRef: string | null;
  statementFen: string | null;
  storeFen: string | null;
  line: number | null;
};
type Report = {
  differences: Row[];
  matched: number;
  statement: { payments: string; refunds: string };
  store: { payments: string; refunds: string };
};

const fen = (v: string | null) => (v === null ? '—' : <Money fen={BigInt(v)} />);

/** 导入对账单 and its result: the totals on both sides and every difference, exact to the fen. */
export function StatementImport({ action, today }: { action: Action; today: string }) {
  // React resets a form after its action: the chosen type and date are kept for the next import.
  const [state, formAction, pending] = useActionState(
    async (prev: (ActionResult & { provider?: string; billDate?: string; n?: number }) | null, fd: FormData) => ({
      ...(await action(null, fd)),
      provider: String(fd.get('provider') ?? 'wechat'),
      billDate: String(fd.get('billDate') ?? today),
      n: (prev?.n ?? 0) + 1,
    }),
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const report = state?.ok && state.data?.report ? (JSON.parse(state.data.report) as Report) : null;
  return (
    <div className="space-y-4">
      <form key={state?.n ?? 0} action={formAction} className="grid gap-3 sm:grid-cols-3" noValidate>
        <Field id="st-provider" label="对账单类型" error={errors.provider}>
          {(c) => (
            <select {...c} name="provider" className={inputClass} defaultValue={state?.provider ?? 'wechat'}>
              <option value="wechat">微信支付交易账单</option>
              <option value="alipay">支付宝业务明细</option>
            </select>
          )}
        </Field>
        <Field id="st-date" label="账单日期" error={errors.billDate}>
          {(c) => (
            <input {...c} type="date" name="billDate" defaultValue={state?.billDate ?? today} className={inputClass} />
          )}
        </Field>
        <Field id="st-file" label="对账单文件（CSV，5 MB 以内）" error={errors.file}>
          {(c) => <input {...c} type="file" name="file" accept=".csv,text/csv" className={inputClass} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? '正在对账…' : '导入对账单'}
          </Button>
          <div role="status" aria-live="polite" className="text-sm">
            {state?.ok ? <span className="text-cert-800">{state.message}</span> : null}
            {state && !state.ok ? <span className="text-brand-700">{state.error}</span> : null}
          </div>
        </div>
      </form>
      {report ? (
        <>
          <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <dt>对账单收款</dt>
            <dd className="tabular">{fen(report.statement.payments)}</dd>
            <dt>商城收款</dt>
            <dd className="tabular">{fen(report.store.payments)}</dd>
            <dt>对账单退款</dt>
            <dd className="tabular">{fen(report.statement.refunds)}</dd>
            <dt>商城退款</dt>
            <dd className="tabular">{fen(report.store.refunds)}</dd>
          </dl>
          {report.differences.length ? (
            <DataTable
              caption="对账差异"
              captionHidden={false}
              minWidth="min-w-[640px]"
              rows={report.differences}
              rowKey={(r) => `${r.kind}:${r.entry}:${r.externalRef}:${r.line ?? ''}`}
              columns={[
                { header: '差异', cell: (r) => DIFFERENCE_LABELS[r.kind] },
                { header: '类型', cell: (r) => (r.entry === 'payment' ? '收款' : '退款') },
                { header: '支付平台单号', cell: (r) => <span className="font-mono break-all">{r.externalRef}</span> },
                { header: '订单号', cell: (r) => r.orderRef ?? '—' },
                { header: '对账单金额', numeric: true, cell: (r) => fen(r.statementFen) },
                { header: '商城金额', numeric: true, cell: (r) => fen(r.storeFen) },
                { header: '对账单行', numeric: true, cell: (r) => r.line ?? '—' },
              ]}
            />
          ) : (
            <Notice tone="success">对账单与商城记录逐笔一致，金额精确到分。</Notice>
          )}
        </>
      ) : null}
    </div>
  );
}
