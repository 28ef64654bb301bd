import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { movementsForStatement } from '@/db/queries/statements';
import {
  decodeStatement,
  parseAlipayStatement,
  parseWechatBill,
  reconcile,
  StatementError,
  type Reconciliation,
  type StatementProvider,
} from '@/domain/statements';
import { addDays, chinaDayStart } from '@/domain/time';
import { AppError } from '@/lib/errors';

/** Statements are a few hundred KB a day for a store this size; anything past this is refused unread. */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

export const STATEMENT_PROVIDER_LABELS: Record<StatementProvider, string> = {
  alipay: '支付宝对账单（业务明细 CSV）',
  wechat: '微信支付交易账单（CSV）',
};

/**
 * 对账单导入: the office's statement file for one day, read (GBK or UTF-8), and every difference with the
 * store's movements of that provider, exact to the fen. Nothing of the store changes; the import is
 * audited (who, which day, which provider, the counts).
 */
export async function importStatement(p: {
  provider: StatementProvider;
  billDate: string;
  bytes: Uint8Array;
  actorId: string;
}): Promise<Reconciliation> {
  if (p.bytes.length > MAX_STATEMENT_BYTES)
    throw new AppError('invalid_input', '对账单文件不能超过 5 MB', { file: '对账单文件不能超过 5 MB' });
  let entries;
  try {
    const text = decodeStatement(p.bytes);
    entries = p.provider === 'alipay' ? parseAlipayStatement(text) : parseWechatBill(text);
  } catch (e) {
    if (e instanceof StatementError) throw new AppError('invalid_input', e.message, { file: e.message });
    throw e;
  }
  const from = chinaDayStart(p.billDate);
  const to = chinaDayStart(addDays(p.billDate, 1));
  const refs = [...new Set(entries.flatMap((e) => [e.externalRef, ...(e.paymentRef ? [e.paymentRef] : [])]))];
  const store = await movementsForStatement({ provider: p.provider, refs, from, to });
  const r = reconcile(entries, store);
  await recordAudit({
    actorUserId: p.actorId,
    action: 'statement.import',
    entity: 'statement',
    entityId: `${p.provider}:${p.billDate}`,
    data: { entries: entries.length, matched: r.matched, differences: r.differences.length },
  });
  return r;
}
