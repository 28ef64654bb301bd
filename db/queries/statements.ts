import 'server-only';
import { sql } from 'drizzle-orm';
import type { PaymentMethod } from '@/domain/checkout';
import { getDb, rowsOf } from '../client';

/**
 * The movements a provider's statement is reconciled with: those it names (whatever their date) and
 * those recorded in its period, each refund with its payment's reference and each with its order number.
 */
export async function movementsForStatement({
  provider,
  refs,
  from,
  to,
}: {
  provider: PaymentMethod;
  refs: string[];
  from: Date;
  to: Date;
}) {
  const [f, t] = [from.toISOString(), to.toISOString()];
  const named = sql`(select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb))`;
  const rows = rowsOf<{
    kind: 'payment' | 'transfer' | 'refund';
    external_ref: string;
    payment_ref: string | null;
    amount_fen: string;
    order_no: string | null;
    in_period: boolean;
  }>(
    await getDb().execute(sql`
      select m.kind::text as kind, m.external_ref, s.external_ref as payment_ref, m.amount_fen::text, o.order_no,
             (m.created_at >= ${f}::timestamptz and m.created_at < ${t}::timestamptz) as in_period
      from payment_movements m
      left join payment_movements s on s.id = m.source_id
      left join orders o on o.id = m.order_id
      where m.provider = ${provider}
        and ((m.created_at >= ${f}::timestamptz and m.created_at < ${t}::timestamptz)
             or m.external_ref in ${named}
             or s.external_ref in ${named})`),
  );
  return rows.map((r) => ({
    kind: r.kind === 'refund' ? ('refund' as const) : ('payment' as const),
    externalRef: r.external_ref,
    paymentRef: r.payment_ref,
    amountFen: BigInt(r.amount_fen),
    orderNo: r.order_no,
    inPeriod: r.in_period,
  }));
}
