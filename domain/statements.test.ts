import { describe, expect, it } from 'vitest';
import { alipayStatement, encodeGbk } from '@/scripts/test-support/alipay-statement';
import {
  decodeStatement,
  parseAlipayStatement,
  parseWechatBill,
  reconcile,
  statementFen,
  StatementError,
  type StoreMovement,
} from './statements';

const WECHAT_HEAD =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const row = (cells: string[]) => cells.map((c) => `\`${c}`).join(',');
const wechatBill = (rows: string[][]) =>
  [
    WECHAT_HEAD,
    ...rows.map(row),
    '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
    row(['2', '86.00', '30.00', '0.00', '0.00', '86.00', '30.00']),
  ].join('\r\n');
const paid = (tx: string, no: string, yuan: string) => [
  '2026-12-01 10:00:00',
  'wx1',
  '1900000109',
  '0',
  '',
  tx,
  no,
  'o1',
  'NATIVE',
  'SUCCESS',
  'OTHERS',
  'CNY',
  yuan,
  '0.00',
  '0',
  '0',
  '0.00',
  '0.00',
  '',
  '',
  '商品',
  '',
  '0.00',
  '0.60%',
  yuan,
  '0.00',
  '',
];
const refunded = (tx: string, no: string, refundId: string, yuan: string) => {
  const r = paid(tx, no, '0.00');
  r[9] = 'REFUND';
  r[14] = refundId;
  r[16] = yuan;
  r[25] = yuan;
  return r;
};

describe('statementFen', () => {
  it('reads yuan strings exactly to the fen with integer arithmetic', () => {
    expect(statementFen('86.00')).toBe(8600n);
    expect(statementFen('0.1')).toBe(10n);
    expect(statementFen('-30.05')).toBe(-3005n);
    expect(statementFen('123456789.99')).toBe(12345678999n);
    for (const bad of ['', '1.234', '1e3', 'abc', '--1', '1,000.00']) expect(statementFen(bad)).toBeNull();
  });
});

describe('WeChat Pay 交易账单', () => {
  it('reads payments and refunds, backticks stripped, stopping at the totals', () => {
    const e = parseWechatBill(
      wechatBill([
        paid('4200001', 'GJ20261201-000001', '86.00'),
        refunded('4200001', 'GJ20261201-000001', '5030001', '30.00'),
      ]),
    );
    expect(e).toEqual([
      {
        kind: 'payment',
        externalRef: '4200001',
        paymentRef: null,
        orderRef: 'GJ20261201-000001',
        amountFen: 8600n,
        line: 2,
      },
      {
        kind: 'refund',
        externalRef: '5030001',
        paymentRef: '4200001',
        orderRef: 'GJ20261201-000001',
        amountFen: 3000n,
        line: 3,
      },
    ]);
  });
  it('refuses a file that is not a bill, and a bad amount or state with its line', () => {
    expect(() => parseWechatBill('hello')).toThrow(StatementError);
    expect(() => parseWechatBill(wechatBill([paid('4200001', 'GJ1', '8.6.00')]))).toThrow(
      '第 2 行：订单金额“8.6.00”不是有效金额',
    );
    const odd = paid('4200001', 'GJ1', '1.00');
    odd[9] = 'WHATEVER';
    expect(() => parseWechatBill(wechatBill([odd]))).toThrow('第 2 行：交易状态“WHATEVER”无法识别');
  });
});

describe('Alipay 业务明细', () => {
  const csv = alipayStatement([
    { type: '交易', tradeNo: '2026120122001', outTradeNo: 'GJ20261201-000002', amountFen: 5350 },
    { type: '退款', tradeNo: '2026120122001', outTradeNo: 'GJ20261201-000002', amountFen: 1000, requestNo: 'R1' },
  ]);
  it('reads 交易 and 退款 rows between the # lines, in UTF-8 and in GBK', () => {
    const want = [
      {
        kind: 'payment',
        externalRef: '2026120122001',
        paymentRef: null,
        orderRef: 'GJ20261201-000002',
        amountFen: 5350n,
        line: 6,
      },
      {
        kind: 'refund',
        externalRef: 'R1',
        paymentRef: '2026120122001',
        orderRef: 'GJ20261201-000002',
        amountFen: 1000n,
        line: 7,
      },
    ];
    expect(parseAlipayStatement(decodeStatement(new TextEncoder().encode(`\uFEFF${csv}`)))).toEqual(want);
    const gbk = encodeGbk(csv);
    expect(gbk.length).toBeLessThan(new TextEncoder().encode(csv).length); // really GBK, not UTF-8
    expect(parseAlipayStatement(decodeStatement(gbk))).toEqual(want);
  });
  it('refuses a WeChat bill and a row of another business type', () => {
    expect(() => parseAlipayStatement(wechatBill([]))).toThrow('不是有效的支付宝对账单');
    expect(() => parseAlipayStatement(csv.replace(',交易,', ',转账,'))).toThrow('第 6 行：业务类型“转账”无法识别');
  });
});

describe('reconcile', () => {
  const store = (
    m: Partial<StoreMovement> & Pick<StoreMovement, 'kind' | 'externalRef' | 'amountFen'>,
  ): StoreMovement => ({
    paymentRef: null,
    orderNo: 'GJ20261201-000009',
    inPeriod: true,
    ...m,
  });
  it('lists every difference: missing either side, amounts, refunds under another reference; exact to the fen', () => {
    const statement = parseWechatBill(
      wechatBill([
        paid('T1', 'GJ1', '86.00'),
        paid('T2', 'GJ2', '86.01'),
        paid('T3', 'GJ3', '10.00'),
        refunded('T1', 'GJ1', 'RF1', '30.00'),
        refunded('T1', 'GJ1', 'RF9', '5.00'),
      ]),
    );
    const r = reconcile(statement, [
      store({ kind: 'payment', externalRef: 'T1', amountFen: 8600n }),
      store({ kind: 'payment', externalRef: 'T2', amountFen: 8600n }),
      store({ kind: 'payment', externalRef: 'T4', amountFen: 500n }),
      store({ kind: 'payment', externalRef: 'T5', amountFen: 700n, inPeriod: false }),
      store({ kind: 'refund', externalRef: 'refund:abc', paymentRef: 'T1', amountFen: 3000n }),
    ]);
    expect(r.matched).toBe(2);
    expect(r.differences.map((d) => [d.kind, d.entry, d.externalRef, d.statementFen, d.storeFen])).toEqual([
      ['amount_differs', 'payment', 'T2', 8601n, 8600n],
      ['missing_in_store', 'payment', 'T3', 1000n, null],
      ['missing_in_store', 'refund', 'RF9', 500n, null],
      ['missing_in_statement', 'payment', 'T4', null, 500n],
    ]);
    expect(r.statement).toEqual({ payments: 18201n, refunds: 3500n });
    expect(r.store).toEqual({ payments: 17700n, refunds: 3000n });
  });
  it('a line repeated in the statement is a difference, not a second match', () => {
    const s = parseWechatBill(wechatBill([paid('T1', 'GJ1', '1.00'), paid('T1', 'GJ1', '1.00')]));
    const r = reconcile(s, [store({ kind: 'payment', externalRef: 'T1', amountFen: 100n })]);
    expect(r.matched).toBe(1);
    expect(r.differences.map((d) => [d.kind, d.line])).toEqual([['missing_in_store', 3]]);
  });
});
