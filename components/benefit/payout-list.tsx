import { IntentLink } from '@/components/layout/intent-link';
import { hiddenField } from '../forms/fields';
import {
  BENEFIT_CHANNEL_LABELS,
  formatQuantityCenti,
  PAYOUT_CONFIRMATION_LABELS,
  PAYOUT_KIND_LABELS,
  PAYOUT_METHOD_LABELS,
  PAYOUT_QUANTITY_UNITS,
  PAYOUT_STATUS_LABELS,
  type BenefitChannel,
  type PayoutConfirmation,
  type PayoutKind,
  type PayoutMethod,
  type PayoutStatus,
} from '@/domain/benefit';
import { formatFen } from '@/domain/money';
import type { ActionResult } from '@/lib/actions/safe-action';
import { ActionForm } from '../forms/action-form';
import { ApproveReject } from '../forms/approve-reject';
import { ButtonForm } from '../forms/confirm-button-form';
import { Folded } from '../ui/folded';
import { Money } from '../ui/money';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export type PayoutRow = {
  id: number;
  supplierName: string;
  householdId: number;
  householdCode: string;
  village: string;
  townshipName: string;
  kind: PayoutKind;
  channel: BenefitChannel;
  paidOn: string;
  amountFen: bigint;
  quantityCenti: number | null;
  unitRateFen: number | null;
  productName: string | null;
  orderNo: string | null;
  ruleTitle: string | null;
  method: PayoutMethod;
  note: string;
  hasReceipt: boolean;
  status: PayoutStatus;
  confirmation: PayoutConfirmation;
  returnReason: string | null;
  recordedByName: string | null;
  reviewedByName: string | null;
};

const TONE: Record<PayoutStatus, string> = {
  awaiting_confirmation: 'bg-amber-50 text-amber-950 ring-amber-300',
  submitted: 'bg-neutral-100 text-neutral-800 ring-neutral-300',
  verified: 'bg-cert-50 text-cert-800 ring-cert-700/30',
  returned: 'bg-brand-50 text-brand-800 ring-brand-600/30',
  void: 'bg-neutral-100 text-neutral-600 ring-neutral-300',
};

/** What a payout is, in one line: 12 件 × ¥35.00 · 彝绣马缨花围巾 · 订单 GJ… */
function details(p: PayoutRow): string {
  const parts: string[] = [];
  if (p.kind !== 'dividend' && p.quantityCenti !== null && p.unitRateFen !== null)
    parts.push(
      `${formatQuantityCenti(p.quantityCenti)} ${PAYOUT_QUANTITY_UNITS[p.kind]} × ${formatFen(p.unitRateFen)}`,
    );
  if (p.productName) parts.push(p.productName);
  if (p.orderNo) parts.push(`订单 ${p.orderNo}`);
  if (p.ruleTitle) parts.push(p.ruleTitle);
  parts.push(PAYOUT_METHOD_LABELS[p.method]);
  if (p.method === 'cash' && p.status !== 'awaiting_confirmation')
    parts.push(PAYOUT_CONFIRMATION_LABELS[p.confirmation]);
  if (p.note) parts.push(p.note);
  return parts.join(' · ');
}

/**
 * Payouts as a list of compact cards (readable at 390 px): date, household, kind and amount, then what
 * it was for, its status and, by `mode`, the manager's actions (确认, 作废) or the reviewer's (通过, 驳回).
 */
export function PayoutList({
  rows,
  mode,
  actions,
  householdHref,
  empty,
}: {
  rows: PayoutRow[];
  mode: 'manager' | 'reviewer' | 'view';
  actions?: { confirm?: Action; void?: Action; verify?: Action; return?: Action };
  householdHref?: (id: number) => string;
  empty: string;
}) {
  if (!rows.length) return <p className="text-sm text-neutral-700">{empty}</p>;
  return (
    <ul className="divide-y divide-neutral-100" aria-label="发放记录">
      {rows.map((p) => (
        <li key={p.id} className="py-3" data-testid={`payout-${p.id}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <p className="font-medium">
              <span className="tabular">{p.paidOn}</span> ·{' '}
              {householdHref ? (
                <IntentLink href={householdHref(p.householdId)} className="text-brand-700 underline underline-offset-2">
                  {p.householdCode}
                </IntentLink>
              ) : (
                p.householdCode
              )}{' '}
              · {PAYOUT_KIND_LABELS[p.kind]}
            </p>
            <Money fen={p.amountFen} className="text-lg font-semibold" />
          </div>
          <p className="mt-0.5 text-sm text-neutral-700">
            {mode === 'manager' ? '' : `${p.supplierName} · `}
            {p.townshipName}
            {p.village} · {BENEFIT_CHANNEL_LABELS[p.channel]}
          </p>
          <p className="text-sm text-neutral-700">{details(p)}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <span className={`rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[p.status]}`}>
              {PAYOUT_STATUS_LABELS[p.status]}
            </span>
            {p.reviewedByName && (p.status === 'verified' || p.status === 'returned') ? (
              <span className="text-neutral-600">核实人 {p.reviewedByName}</span>
            ) : null}
            {p.hasReceipt ? (
              <a
                href={`/workshop/payouts/${p.id}/receipt`}
                className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
              >
                收款凭证
              </a>
            ) : null}
          </p>
          {p.status === 'returned' && p.returnReason ? (
            <p className="mt-1 text-sm text-brand-800">退回原因：{p.returnReason}</p>
          ) : null}
          <Actions p={p} mode={mode} actions={actions} />
        </li>
      ))}
    </ul>
  );
}

function Actions({
  p,
  mode,
  actions,
}: {
  p: PayoutRow;
  mode: 'manager' | 'reviewer' | 'view';
  actions?: Parameters<typeof PayoutList>[0]['actions'];
}) {
  const label = `${p.householdCode} ${p.paidOn} ${formatFen(p.amountFen)}`;
  if (mode === 'reviewer' && p.status === 'submitted' && actions?.verify && actions.return)
    return (
      <div className="mt-2">
        <ApproveReject
          id={`pv-${p.id}`}
          label={label}
          values={{ payoutId: String(p.id) }}
          approve={{ action: actions.verify }}
          reject={{ action: actions.return }}
        />
      </div>
    );
  if (mode !== 'manager') return null;
  return (
    <div className="mt-2 flex flex-wrap items-start gap-3">
      {p.status === 'awaiting_confirmation' && actions?.confirm ? (
        <>
          <Folded summary="输入农户确认码…" className="">
            <ActionForm
              idPrefix={`pc-${p.id}-`}
              action={actions.confirm}
              submitLabel="确认"
              fields={[
                hiddenField('payoutId', String(p.id)),
                { name: 'confirmCode', label: '农户确认码（8 位）', inputMode: 'numeric', autoComplete: 'off' },
              ]}
            />
          </Folded>
          <ButtonForm
            action={actions.confirm}
            values={{ payoutId: String(p.id) }}
            label="第二位管理员签认"
            accessibleLabel={`签认 ${label}`}
          />
        </>
      ) : null}
      {(p.status === 'returned' || p.status === 'awaiting_confirmation') && actions?.void ? (
        <ButtonForm
          action={actions.void}
          values={{ payoutId: String(p.id) }}
          label="作废"
          variant="secondary"
          accessibleLabel={`作废 ${label}`}
        />
      ) : null}
    </div>
  );
}
