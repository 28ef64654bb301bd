import { fenToDecimalYuan } from '../../domain/money';

/**
 * Alipay's 业务明细 statement (对账单, CSV) as Alipay lays it out, for tests: `#` comment lines around a
 * header row and one row per 交易 or 退款 (refund amounts negative), and a GBK encoder (Alipay's default
 * encoding) built by inverting the platform's GBK decoder.
 */
export type AlipayRow =
  | { type: '交易'; tradeNo: string; outTradeNo: string; amountFen: number; at?: string }
  | { type: '退款'; tradeNo: string; outTradeNo: string; amountFen: number; requestNo: string; at?: string };

/** Refunds are negative in the statement. */
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${fenToDecimalYuan(Math.abs(fen))}`;

export function alipayStatement(rows: AlipayRow[], { account = '2088000000000000', day = '2026-12-01' } = {}): string {
  const header =
    '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注';
  const body = rows.map((r) => {
    const at = r.at ?? `${day} 10:00:00`;
    const fen = r.type === '退款' ? -Math.abs(r.amountFen) : r.amountFen;
    return [
      r.tradeNo,
      r.outTradeNo,
      r.type,
      '个旧消费扶贫商城订单',
      at,
      at,
      '',
      '',
      '',
      '',
      'buy***@example.com',
      yuan(fen),
      yuan(fen),
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '',
      '0.00',
      '0.00',
      r.type === '退款' ? r.requestNo : '',
      '0.00',
      '0.00',
      '',
    ].join(',');
  });
  const total = rows.reduce((s, r) => s + (r.type === '退款' ? -Math.abs(r.amountFen) : r.amountFen), 0);
  return [
    '#支付宝业务明细查询',
    `#账号：[${account}]`,
    `#起始日期：[${day} 00:00:00]   终止日期：[${day} 23:59:59]`,
    '#-----------------------------------------业务明细列表----------------------------------------',
    header,
    ...body,
    '#-----------------------------------------业务明细列表结束------------------------------------',
    `#交易合计：${rows.filter((r) => r.type === '交易').length}笔，商家实收共${yuan(total)}元`,
    `#导出时间：[${day} 23:59:59]`,
  ].join('\r\n');
}

let table: Map<string, number[]> | undefined;

/** Text as GBK bytes (every character must exist in GBK). */
export function encodeGbk(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const d = new TextDecoder('gbk', { fatal: true });
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        try {
          const ch = d.decode(new Uint8Array([a, b]));
          if (!table.has(ch)) table.set(ch, [a, b]);
        } catch {
          // not a GBK pair
        }
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
