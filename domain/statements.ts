import { parseYuanToFen } from './money';

/**
 * Provider statements (对账单) and their reconciliation with the store's money movements, exact to the
 * fen. Two layouts are read:
 * - Alipay's 业务明细 CSV (GBK or UTF-8): comment lines start with `#`, then a header row (支付宝交易号,
 *   商户订单号, 业务类型 交易/退款, 订单金额（元）, 退款批次号/请求号 …), one row per trade or refund
 *   (refund amounts negative), then more `#` lines with the totals;
 * - WeChat Pay's 交易账单 (ALL): a header row (交易时间, 微信订单号, 商户订单号, 交易状态 SUCCESS/REFUND,
 *   订单金额, 微信退款单号, 退款金额, 申请退款金额 …), every field prefixed with a backtick, then the totals
 *   header (总交易单数 …) and its row.
 * Matching is by the provider's own ids: a payment by its trade id, a refund by its refund id or, when
 * the store keeps another refund reference, by its payment and amount.
 */

export type StatementProvider = 'alipay' | 'wechat';
export type StatementEntry = {
  kind: 'payment' | 'refund';
  /** The provider's id of this trade or refund (Alipay refunds: the 退款请求号). */
  externalRef: string;
  /** A refund's payment (its trade id). */
  paymentRef: string | null;
  /** Our order number as the provider carries it (商户订单号). */
  orderRef: string | null;
  amountFen: bigint;
  /** The statement's line (1-based), for the office. */
  line: number;
};

/** A statement that cannot be read: its Chinese message names the line when there is one. */
export class StatementError extends Error {
  override readonly name = 'StatementError';
}

/** A file's text: UTF-8 (with or without BOM) when it decodes as such, else GBK (Alipay's default). */
export function decodeStatement(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** A yuan amount of a statement ("12.50", "-3.00", "0") as fen; null when it is not one. */
export function statementFen(text: string): bigint | null {
  const t = text.trim();
  const negative = t.startsWith('-');
  const fen = parseYuanToFen(negative ? t.slice(1) : t);
  if (fen === null) return null;
  return negative ? -BigInt(fen) : BigInt(fen);
}

/** One CSV line split on commas, quotes honoured (neither provider quotes, but a spreadsheet may). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

const lines = (text: string) => text.split(/\r\n|\r|\n/);

function column(header: string[], names: string[], what: string): number {
  const i = header.findIndex((h) => names.includes(h.replace(/\s/g, '')));
  if (i < 0) throw new StatementError(`不是有效的对账单：缺少“${what}”列`);
  return i;
}

function amount(text: string | undefined, line: number, what: string): bigint {
  const fen = statementFen(text ?? '');
  if (fen === null) throw new StatementError(`第 ${line} 行：${what}“${text ?? ''}”不是有效金额`);
  return fen;
}

function id(text: string | undefined, line: number, what: string): string {
  const v = (text ?? '').trim();
  if (!/^[0-9A-Za-z_\-|*@.:]{1,128}$/.test(v)) throw new StatementError(`第 ${line} 行：${what}无效`);
  return v;
}

/** Alipay's 业务明细 (交易 and 退款 rows). */
export function parseAlipayStatement(text: string): StatementEntry[] {
  const all = lines(text);
  const start = all.findIndex((l) => !l.startsWith('#') && l.includes('支付宝交易号'));
  if (start < 0) throw new StatementError('不是有效的支付宝对账单：找不到“支付宝交易号”表头');
  const header = cells(all[start]!);
  const col = {
    trade: column(header, ['支付宝交易号'], '支付宝交易号'),
    order: column(header, ['商户订单号'], '商户订单号'),
    type: column(header, ['业务类型'], '业务类型'),
    amount: column(header, ['订单金额（元）', '订单金额(元)'], '订单金额（元）'),
    request: column(header, ['退款批次号/请求号'], '退款批次号/请求号'),
  };
  const out: StatementEntry[] = [];
  for (let i = start + 1; i < all.length; i++) {
    const raw = all[i]!;
    if (!raw.trim() || raw.startsWith('#')) continue;
    const line = i + 1;
    const f = cells(raw);
    const type = f[col.type] ?? '';
    const fen = amount(f[col.amount], line, '订单金额');
    const trade = id(f[col.trade], line, '支付宝交易号');
    const orderRef = f[col.order] || null;
    if (type === '交易') {
      if (fen <= 0n) throw new StatementError(`第 ${line} 行：交易金额应为正数`);
      out.push({ kind: 'payment', externalRef: trade, paymentRef: null, orderRef, amountFen: fen, line });
    } else if (type === '退款') {
      const request = id(f[col.request], line, '退款批次号/请求号');
      out.push({ kind: 'refund', externalRef: request, paymentRef: trade, orderRef, amountFen: -fen, line });
    } else throw new StatementError(`第 ${line} 行：业务类型“${type}”无法识别`);
    if (out.at(-1)!.amountFen <= 0n) throw new StatementError(`第 ${line} 行：退款金额应为负数`);
  }
  return out;
}

/** WeChat Pay's 交易账单: SUCCESS rows are payments, REFUND rows refunds (fields prefixed with a backtick). */
export function parseWechatBill(text: string): StatementEntry[] {
  const all = lines(text);
  const start = all.findIndex((l) => l.startsWith('交易时间'));
  if (start < 0) throw new StatementError('不是有效的微信支付账单：找不到“交易时间”表头');
  const header = cells(all[start]!);
  const col = {
    trade: column(header, ['微信订单号'], '微信订单号'),
    order: column(header, ['商户订单号'], '商户订单号'),
    state: column(header, ['交易状态'], '交易状态'),
    total: column(header, ['订单金额'], '订单金额'),
    refundId: column(header, ['微信退款单号'], '微信退款单号'),
    refund: column(header, ['申请退款金额', '退款金额'], '申请退款金额'),
  };
  const out: StatementEntry[] = [];
  for (let i = start + 1; i < all.length; i++) {
    const raw = all[i]!;
    if (raw.startsWith('总交易单数')) break;
    if (!raw.trim()) continue;
    const line = i + 1;
    const f = cells(raw).map((c) => (c.startsWith('`') ? c.slice(1) : c));
    const state = f[col.state];
    const trade = id(f[col.trade], line, '微信订单号');
    const orderRef = f[col.order] || null;
    if (state === 'SUCCESS') {
      const fen = amount(f[col.total], line, '订单金额');
      if (fen <= 0n) throw new StatementError(`第 ${line} 行：订单金额应为正数`);
      out.push({ kind: 'payment', externalRef: trade, paymentRef: null, orderRef, amountFen: fen, line });
    } else if (state === 'REFUND') {
      const fen = amount(f[col.refund], line, '退款金额');
      if (fen <= 0n) throw new StatementError(`第 ${line} 行：退款金额应为正数`);
      const refundId = id(f[col.refundId], line, '微信退款单号');
      out.push({ kind: 'refund', externalRef: refundId, paymentRef: trade, orderRef, amountFen: fen, line });
    } else if (state !== 'REVOKED' && state !== 'CLOSED' && state !== 'NOTPAY')
      throw new StatementError(`第 ${line} 行：交易状态“${state ?? ''}”无法识别`);
  }
  return out;
}

/** A movement of the store as reconciliation sees it. */
export type StoreMovement = {
  kind: 'payment' | 'refund';
  externalRef: string;
  /** A refund's payment reference. */
  paymentRef: string | null;
  amountFen: bigint;
  orderNo: string | null;
  /** Whether it falls in the statement's period (only those may be missing from the statement). */
  inPeriod: boolean;
};

export type DifferenceKind = 'missing_in_store' | 'missing_in_statement' | 'amount_differs';
export type Difference = {
  kind: DifferenceKind;
  entry: 'payment' | 'refund';
  externalRef: string;
  orderRef: string | null;
  statementFen: bigint | null;
  storeFen: bigint | null;
  line: number | null;
};
export type Reconciliation = {
  differences: Difference[];
  matched: number;
  statement: { payments: bigint; refunds: bigint };
  store: { payments: bigint; refunds: bigint };
};

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  missing_in_store: '商城无记录',
  missing_in_statement: '对账单无记录',
  amount_differs: '金额不一致',
};

/**
 * Every difference between a statement and the store's movements of its provider: an entry the store
 * does not have (whatever its date), a movement of the period the statement does not have, and an
 * amount that differs. A duplicate id in the statement counts as a difference of its own.
 */
export function reconcile(statement: StatementEntry[], store: StoreMovement[]): Reconciliation {
  const byRef = new Map(store.map((m) => [`${m.kind}:${m.externalRef}`, m]));
  const used = new Set<StoreMovement>();
  const differences: Difference[] = [];
  let matched = 0;
  for (const e of statement) {
    let m = byRef.get(`${e.kind}:${e.externalRef}`);
    // A refund the store keeps under another reference: its payment's, with the same amount.
    if (!m && e.kind === 'refund')
      m = store.find(
        (s) => s.kind === 'refund' && !used.has(s) && s.paymentRef === e.paymentRef && s.amountFen === e.amountFen,
      );
    const base = { entry: e.kind, externalRef: e.externalRef, orderRef: e.orderRef, line: e.line };
    if (!m || used.has(m)) {
      differences.push({ ...base, kind: 'missing_in_store', statementFen: e.amountFen, storeFen: null });
      continue;
    }
    used.add(m);
    if (m.amountFen !== e.amountFen)
      differences.push({
        ...base,
        orderRef: m.orderNo ?? e.orderRef,
        kind: 'amount_differs',
        statementFen: e.amountFen,
        storeFen: m.amountFen,
      });
    else matched++;
  }
  for (const m of store)
    if (m.inPeriod && !used.has(m))
      differences.push({
        kind: 'missing_in_statement',
        entry: m.kind,
        externalRef: m.externalRef,
        orderRef: m.orderNo,
        statementFen: null,
        storeFen: m.amountFen,
        line: null,
      });
  const sum = (xs: { kind: string; amountFen: bigint }[], kind: string) =>
    xs.filter((x) => x.kind === kind).reduce((s, x) => s + x.amountFen, 0n);
  const inPeriod = store.filter((m) => m.inPeriod || used.has(m));
  return {
    differences,
    matched,
    statement: { payments: sum(statement, 'payment'), refunds: sum(statement, 'refund') },
    store: { payments: sum(inPeriod, 'payment'), refunds: sum(inPeriod, 'refund') },
  };
}
