import 'server-only';
import { productsByCode } from '@/db/queries/unit-orders';
import type { Recipient } from '@/lib/orders/place-order';
import { parseBulkRows, type RowError } from '@/domain/bulk-order';

export type PreparedBulk = { items: { slug: string; code: string; quantity: number }[]; recipients: Recipient[] };

/**
 * Checks every row (format, known listed product, unit minimum per product, stock) before anything is
 * written. Returns the lines to order, or every error by row.
 */
export async function prepareBulkOrder(
  rows: string[][],
): Promise<{ ok: true; value: PreparedBulk } | { ok: false; errors: RowError[] }> {
  const parsed = parseBulkRows(rows);
  const found = await productsByCode({ codes: [...new Set(parsed.lines.map((l) => l.code))] });
  const errors = [...parsed.errors];
  const totals = new Map<string, { quantity: number; rows: number[] }>();
  for (const l of parsed.lines) {
    const p = found.get(l.code);
    if (!p) {
      errors.push({ row: l.row, message: `商品编码 ${l.code} 不存在或已下架` });
      continue;
    }
    const t = totals.get(l.code) ?? { quantity: 0, rows: [] };
    t.quantity += l.quantity;
    t.rows.push(l.row);
    totals.set(l.code, t);
  }
  for (const [code, t] of totals) {
    const p = found.get(code)!;
    if (t.quantity < p.min)
      errors.push({
        row: t.rows[0]!,
        message: `${p.name}（${code}）单位采购起订量为 ${p.min} 件，合计只有 ${t.quantity} 件`,
      });
    if (t.quantity > p.stock)
      errors.push({
        row: t.rows[0]!,
        message: `${p.name}（${code}）库存只有 ${p.stock} 件，合计需要 ${t.quantity} 件`,
      });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return {
    ok: true,
    value: {
      items: [...totals].map(([code, t]) => ({ slug: found.get(code)!.slug, code, quantity: t.quantity })),
      recipients: parsed.lines
        .filter((l) => l.recipient)
        .map((l) => ({ slug: found.get(l.code)!.slug, quantity: l.quantity, row: l.row, ...l.recipient! })),
    },
  };
}
