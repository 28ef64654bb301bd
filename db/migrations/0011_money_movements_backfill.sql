-- Issue 14, the money model: carries the rows of the old payments table into payment_movements
-- (received money first, then refunds pointing at the order's first received row), all applied to
-- their orders, so that every order's paid_fen and refunded_fen equal the sums of its rows.
-- Idempotent: a row already carried over (same provider and reference) is skipped.
insert into payment_movements (kind, provider, external_ref, amount_fen, currency, order_id, state, actor_id, created_at)
select case when p.method = 'bank_transfer' then 'transfer'::movement_kind else 'payment'::movement_kind end,
       p.method, p.provider_ref, p.amount_fen, 'cny', p.order_id, 'applied', p.confirmed_by, p.created_at
from payments p
where p.kind = 'sale'
on conflict (provider, external_ref) do nothing;
--> statement-breakpoint
insert into payment_movements (kind, provider, external_ref, amount_fen, currency, order_id, state, source_id, actor_id, created_at)
select 'refund', p.method, p.provider_ref, p.amount_fen, 'cny', p.order_id, 'applied',
       (select m.id from payment_movements m where m.order_id = p.order_id and m.kind <> 'refund' order by m.created_at, m.id limit 1),
       p.confirmed_by, p.created_at
from payments p
where p.kind = 'refund'
  and exists (select 1 from payment_movements m where m.order_id = p.order_id and m.kind <> 'refund')
on conflict (provider, external_ref) do nothing;
