import { PAYEE_FIELDS, payeeIsSet, type Payee } from '@/domain/payee';
import { savePayeeAction } from '@/lib/actions/site';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { Notice } from '../ui/notice';

/** 收款账户: the bank account every unit transfers to, shown on their transfer pages and printouts. */
export function PayeeSettings({ payee }: { payee: Payee }) {
  return (
    <Card title="收款账户（对公转账）" titleId="payee-h">
      <p className="mt-1 text-sm text-neutral-700">
        单位的转账页面、已审批的采购单和打印的采购单显示这个账户，并附上每张采购单的识别码和金额。每次修改都记入操作日志（含修改前的账户）。
      </p>
      {payeeIsSet(payee) ? null : (
        <Notice tone="warning" quiet className="mt-3">
          尚未设置收款账户：单位现在只能看到“消费扶贫办公室尚未设置收款账户”。
        </Notice>
      )}
      <ActionForm
        action={savePayeeAction}
        submitLabel="保存收款账户"
        className="mt-4"
        idPrefix="payee-"
        fields={PAYEE_FIELDS.map((f) => ({
          name: f.key,
          label: f.label,
          defaultValue: payee[f.key],
          placeholder: f.placeholder,
          ...(f.key === 'accountNo' ? { inputMode: 'numeric' as const, autoComplete: 'off' } : {}),
          wide: f.key !== 'accountNo',
        }))}
      />
    </Card>
  );
}
