import type { AfterSalesCaseView } from '@/lib/after-sales/view';
import {
  confirmReturnAction,
  officeDecideAfterSalesAction,
  supplierDecideAfterSalesAction,
} from '@/lib/actions/after-sales';
import { ActionForm } from '../forms/action-form';
import { ButtonForm } from '../forms/confirm-button-form';
import { hiddenField } from '../forms/fields';
import { Folded } from '../ui/folded';
import { CaseCard } from './case-card';

const empty = (text: string) => (
  <p className="rounded-xl bg-white p-4 text-sm text-neutral-700 ring-1 ring-neutral-200">{text}</p>
);

/** 同意 and 拒绝… (a reason is required to refuse), for the supplier or the office. */
function Decide({ c, office }: { c: AfterSalesCaseView; office: boolean }) {
  const action = office ? officeDecideAfterSalesAction : supplierDecideAfterSalesAction;
  const label = `${c.productName}（${c.orderNo}）`;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ButtonForm
        action={action}
        values={{ caseId: c.case.id, decision: 'agree' }}
        label="同意"
        accessibleLabel={`同意 ${label}`}
      />
      <Folded summary={office ? '驳回…' : '拒绝…'} className="">
        <ActionForm
          idPrefix={`d-${c.case.id}-`}
          action={action}
          submitLabel={office ? '驳回' : '拒绝'}
          fields={[
            hiddenField('caseId', c.case.id),
            hiddenField('decision', 'disagree'),
            { name: 'reason', label: office ? '驳回原因' : '拒绝原因（将转交消费帮扶办公室）', type: 'textarea' },
          ]}
        />
      </Folded>
    </div>
  );
}

const ConfirmReturn = ({ c }: { c: AfterSalesCaseView }) => (
  <ButtonForm
    action={confirmReturnAction}
    values={{ caseId: c.case.id }}
    label="确认收到退货并退款"
    accessibleLabel={`确认收到退货并退款 ${c.productName}（${c.orderNo}）`}
  />
);

/** The supplier's cases: answer within 48 hours; confirm a returned parcel (the refund follows). */
export function SupplierCases({ cases }: { cases: AfterSalesCaseView[] }) {
  if (!cases.length) return empty('暂无售后申请。买家确认收货后 7 天内可申请售后，申请会出现在这里。');
  return (
    <div className="space-y-3">
      {cases.map((c) => (
        <CaseCard key={c.case.id} c={c} showOrder>
          {c.case.status === 'requested' ? <Decide c={c} office={false} /> : null}
          {c.case.status === 'return_shipped' ? <ConfirmReturn c={c} /> : null}
        </CaseCard>
      ))}
    </div>
  );
}

/** The office's queue: cases refused or left unanswered by their supplier, then the others still open. */
export function OfficeCases({ decide, open }: { decide: AfterSalesCaseView[]; open: AfterSalesCaseView[] }) {
  return (
    <div className="space-y-6">
      <section aria-labelledby="decide-h" className="space-y-3">
        <h2 id="decide-h" className="text-lg font-semibold">
          待办公室处理（{decide.length}）
        </h2>
        {decide.length
          ? decide.map((c) => (
              <CaseCard key={c.case.id} c={c} showOrder>
                <Decide c={c} office />
              </CaseCard>
            ))
          : empty('没有待处理的售后申请。商家拒绝或 48 小时内未处理的申请会出现在这里。')}
      </section>
      <section aria-labelledby="open-h" className="space-y-3">
        <h2 id="open-h" className="text-lg font-semibold">
          进行中（{open.length}）
        </h2>
        {open.length
          ? open.map((c) => (
              <CaseCard key={c.case.id} c={c} showOrder>
                {c.case.status === 'return_shipped' ? <ConfirmReturn c={c} /> : null}
              </CaseCard>
            ))
          : empty('没有进行中的售后。')}
      </section>
    </div>
  );
}
