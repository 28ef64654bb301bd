import { chinaMidnight } from '@/domain/time';
import type postgres from 'postgres';

/**
 * Inserts `total` paid orders (one line each) spread over the programme year, across every product,
 * channel, round, a livestream and 300 units, with their ledger rows, and rolls them up with the same
 * gj_roll_up the payments use. 100,000 orders per transaction.
 */
export async function generateOrders(db: postgres.Sql, total: number, progress: (done: number) => void): Promise<void> {
  const year = Number((await db`select year from programme_targets order by year desc limit 1`)[0]!.year);
  await db`insert into units (name, credit_code, type, contact_name, status)
    select '压测单位' || g, 'BENCH' || lpad(g::text, 13, '0'), 'public_institution', '压测', 'verified' from generate_series(1, 300) g
    on conflict do nothing`;
  const yearStart = chinaMidnight(year, 1, 1);
  const elapsed = Math.floor((Date.now() - yearStart.getTime()) / 86_400_000);
  const days = Math.max(1, Math.min(364, elapsed - 1));
  const chunk = 100_000;
  for (let start = 1; start <= total; start += chunk) {
    const end = Math.min(total, start + chunk - 1);
    await db.begin(async (tx) => {
      await tx`
        create temp table gen on commit drop as
        select g, p.id as product_id, p.supplier_id, p.price_fen, p.category_id, p.name, p.spec, s.township_slug,
               (1 + g % 3) as qty, (g % 5 <> 0) as certified,
               case when g % 10 < 6 then 'online' when g % 10 < 8 then 'unit' when g % 10 < 9 then 'round' else 'livestream' end::sales_channel as channel,
               (select id from units where name = '压测单位' || (1 + g % 300)) as unit_id,
               (select id from promotion_rounds order by round_no limit 1 offset g % 5) as round_id,
               (select id from livestreams order by id limit 1) as livestream_id,
               -- spread over the days of the year so far, never in the future
               (${yearStart.toISOString()}::timestamptz + (g % ${days}) * interval '1 day' + (g % 86000) * interval '1 second') as at
        from generate_series(${start}::int, ${end}::int) g
        join lateral (select id, supplier_id, price_fen, category_id, name, spec from products order by id offset (g % 40) limit 1) p on true
        join suppliers s on s.id = p.supplier_id`;
      await tx`
        insert into orders (order_no, user_id, unit_id, channel, round_id, livestream_id, status, items_fen, shipping_fen, total_fen, paid_fen, payment_method,
                            contact_name_enc, contact_mobile_enc, contact_mobile_hash, shipping_address_enc, access_token_hash, paid_at, created_at)
        select 'GJB' || lpad(g::text, 9, '0'), null, case when channel in ('unit', 'round') then unit_id end, channel,
               case when channel = 'round' then round_id end, case when channel = 'livestream' then livestream_id end,
               'paid', price_fen * qty, 0, price_fen * qty, price_fen * qty, 'simulated',
               '\\x00', '\\x00', md5('buyer' || (g % 250000)), '\\x00', md5('token' || g), at, at
        from gen`;
      // Each paid order's money, as the money model keeps it (one applied simulator payment).
      await tx`
        insert into payment_movements (kind, provider, external_ref, amount_fen, currency, order_id, state, created_at)
        select 'payment', 'simulated', 'sim:' || o.order_no, o.total_fen, 'cny', o.id, 'applied', o.paid_at
        from gen join orders o on o.order_no = 'GJB' || lpad(gen.g::text, 9, '0')`;
      await tx`
        insert into order_items (order_id, product_id, supplier_id, product_name, product_spec, unit_price_fen, quantity, line_total_fen, certified_at_sale)
        select o.id, gen.product_id, gen.supplier_id, gen.name, gen.spec, gen.price_fen, gen.qty, gen.price_fen * gen.qty, gen.certified
        from gen join orders o on o.order_no = 'GJB' || lpad(gen.g::text, 9, '0')`;
      const ids = await tx`
        insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
        select oi.order_id, oi.id, 'sale', oi.line_total_fen, oi.certified_at_sale, o.channel, oi.supplier_id, gen.category_id, gen.township_slug, o.unit_id, o.round_id, o.livestream_id, o.paid_at
        from gen join orders o on o.order_no = 'GJB' || lpad(gen.g::text, 9, '0') join order_items oi on oi.order_id = o.id
        returning id::text`;
      await tx`select gj_roll_up(${`{${ids.map((r) => r.id).join(',')}}`}::bigint[])`;
    });
    progress(end);
  }
}
