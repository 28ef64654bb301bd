import { capitalAmount } from '@/domain/capital-amount';
import { formatFen } from '@/domain/money';
import { accountDigits, groupAccountNo, payeeIsSet, type Payee } from '@/domain/payee';
import { CopyButton } from '../ui/copy-button';
import { Notice } from '../ui/notice';

/**
 * 对公转账: where to send the money (户名, 开户行, 账号), the 识别码 to write in the transfer's remark,
 * and the exact amount, each with a copy button. Until the office sets the account, it says so and
 * shows no account at all. `print` drops the buttons (the A4 printout).
 */
export function PayeeDetails({
  payee,
  reference,
  amountFen,
  print = false,
}: {
  payee: Payee;
  reference: string | null;
  amountFen: bigint;
  print?: boolean;
}) {
  if (!payeeIsSet(payee))
    return (
      <Notice tone="warning" quiet>
        消费扶贫办公室尚未设置收款账户，暂时无法转账。请联系消费扶贫办公室获取收款账户，切勿向其他账户转账。
      </Notice>
    );
  const rows: { label: string; shown: React.ReactNode; copy: string; testId: string }[] = [
    { label: '户名', shown: payee.accountName, copy: payee.accountName, testId: 'payee-name' },
    { label: '开户行', shown: payee.bank, copy: payee.bank, testId: 'payee-bank' },
    {
      label: '账号',
      shown: <span className="tabular">{groupAccountNo(payee.accountNo)}</span>,
      copy: accountDigits(payee.accountNo),
      testId: 'payee-account',
    },
    ...(reference
      ? [
          {
            label: '转账附言（识别码）',
            shown: <strong className="tabular">{reference}</strong>,
            copy: reference,
            testId: 'payee-reference',
          },
        ]
      : []),
    {
      label: '转账金额',
      shown: (
        <>
          <strong className="tabular">{formatFen(amountFen)}</strong>
          <span className="block text-sm text-neutral-700">{capitalAmount(amountFen)}</span>
        </>
      ),
      // Two decimals, no separators: what a bank's amount field takes (1721.00).
      copy: formatFen(amountFen).replace(/[¥,]/g, ''),
      testId: 'payee-amount',
    },
  ];
  return (
    <div>
      <dl className="divide-y divide-neutral-100">
        {rows.map((r) => (
          <div key={r.label} className="py-2">
            <dt className="text-sm text-neutral-600">{r.label}</dt>
            <dd className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <span className="min-w-0 break-all" data-testid={r.testId}>
                {r.shown}
              </span>
              {print ? null : <CopyButton value={r.copy} label={r.label} />}
            </dd>
          </div>
        ))}
      </dl>
      {reference ? (
        <p className="mt-2 text-sm text-neutral-700">
          请在转账附言（用途）中只填写识别码 <strong className="tabular">{reference}</strong>
          ，并按上面的金额一次转足；消费扶贫办公室核对到账后确认。
        </p>
      ) : null}
    </div>
  );
}
