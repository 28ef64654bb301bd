import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, rowsOf, type Executor } from '../client';
import { salesLedger } from '../schema';
import type { OrderRow } from './orders';

/**
 * The sales ledger (one row per paid order line and per refund part) and its rollups. Rows are written
 * only by lib/orders/payment-effects.ts, in the payment's own transaction.
 */

/** One 'sale' row per line of a just-paid order, with the line's product, supplier and township. Returns their ids. */
export async function insertSaleRows(
  { order }: { order: Pick<OrderRow, 'id' | 'channel' | 'unitId' | 'roundId' | 'livestreamId'> },
  tx: Executor,
): Promise<string[]> {
  const r = await tx.execute(sql`
    insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
    select oi.order_id, oi.id, 'sale', oi.line_total_fen, oi.certified_at_sale, ${order.channel}, oi.supplier_id, p.category_id, s.township_slug,
           ${order.unitId}::uuid, ${order.roundId}::int, ${order.livestreamId}::int, now()
    from order_items oi join products p on p.id = oi.product_id join suppliers s on s.id = oi.supplier_id
    where oi.order_id = ${order.id}
    returning id::text`);
  return rowsOf<{ id: string }>(r).map((x) => x.id);
}

/** An order's lines with what is left to refund on each (line total less earlier refunds), in line order. */
export async function refundableLines(
  { orderId }: { orderId: string },
  tx: Executor,
): Promise<{ id: string; lineTotalFen: bigint; refundedFen: bigint }[]> {
  const rows = rowsOf<{ id: string; line_total_fen: string; refunded: string }>(
    await tx.execute(sql`
      select oi.id::text, oi.line_total_fen::text, coalesce(-sum(l.amount_fen) filter (where l.kind = 'refund'), 0)::text as refunded
      from order_items oi left join sales_ledger l on l.order_item_id = oi.id
      where oi.order_id = ${orderId} group by oi.id order by oi.id`),
  );
  return rows.map((r) => ({ id: r.id, lineTotalFen: BigInt(r.line_total_fen), refundedFen: BigInt(r.refunded) }));
}

/** A negative 'refund' row for part of a line, copying the line's sale row. Returns its id. */
export async function insertRefundRow(
  { orderItemId, amountFen }: { orderItemId: string; amountFen: bigint },
  tx: Executor,
): Promise<string[]> {
  const r = await tx.execute(sql`
    insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
    select order_id, order_item_id, 'refund', ${-amountFen}, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, now()
    from sales_ledger where order_item_id = ${orderItemId}::bigint and kind = 'sale' limit 1
    returning id::text`);
  return rowsOf<{ id: string }>(r).map((x) => x.id);
}

/**
 * Adds just-written ledger rows to the impact rollups, in the caller's transaction (the SQL function
 * gj_roll_up, migration 0008). Whatever commits the ledger commits the rollups with it.
 */
export async function rollUp({ ledgerIds }: { ledgerIds: string[] }, tx: Executor): Promise<void> {
  if (!ledgerIds.length) return;
  await tx.execute(sql`select gj_roll_up(${`{${ledgerIds.join(',')}}`}::bigint[])`);
}

/** Sum of the ledger: counted sales (certified lines, net of refunds) and everything. */
export async function ledgerTotals(): Promise<{ countedFen: bigint; allFen: bigint }> {
  const [r] = rowsOf<{ counted: string; all: string }>(
    await getDb().execute(
      sql`select coalesce(sum(amount_fen) filter (where counted), 0)::text as counted, coalesce(sum(amount_fen), 0)::text as all from ${salesLedger}`,
    ),
  );
  return { countedFen: BigInt(r?.counted ?? '0'), allFen: BigInt(r?.all ?? '0') };
}
