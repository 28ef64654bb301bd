CREATE TABLE "sales_rollup" (
	"year" integer NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"counted" boolean NOT NULL,
	"amount_fen" bigint NOT NULL,
	"sale_fen" bigint NOT NULL,
	"refund_fen" bigint NOT NULL,
	"orders" integer NOT NULL,
	"buyers" integer DEFAULT 0 NOT NULL,
	"units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sales_rollup_year_dim_key_counted_pk" PRIMARY KEY("year","dim","key","counted")
);
--> statement-breakpoint
CREATE TABLE "sales_rollup_daily" (
	"day" date NOT NULL,
	"counted" boolean NOT NULL,
	"amount_fen" bigint NOT NULL,
	"sale_fen" bigint NOT NULL,
	"refund_fen" bigint NOT NULL,
	"orders" integer NOT NULL,
	CONSTRAINT "sales_rollup_daily_day_counted_pk" PRIMARY KEY("day","counted")
);
--> statement-breakpoint
CREATE TABLE "sales_rollup_members" (
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "sales_rollup_members_year_kind_key_pk" PRIMARY KEY("year","kind","key")
);
--> statement-breakpoint
CREATE INDEX "sales_ledger_channel_idx" ON "sales_ledger" USING btree ("channel","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_supplier_idx" ON "sales_ledger" USING btree ("supplier_id","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_category_idx" ON "sales_ledger" USING btree ("category_id","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_township_idx" ON "sales_ledger" USING btree ("township_slug","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_unit_idx" ON "sales_ledger" USING btree ("unit_id","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_round_idx" ON "sales_ledger" USING btree ("round_id","occurred_at");--> statement-breakpoint
CREATE INDEX "sales_ledger_livestream_idx" ON "sales_ledger" USING btree ("livestream_id","occurred_at");--> statement-breakpoint
-- gj_roll_up adds ledger rows to the rollups. It is called in the same transaction as the ledger
-- writes (db/queries/rollups.ts), so the rollups always equal a SUM over the ledger. Groups are
-- written in key order, so concurrent payments take row locks in one order and cannot deadlock.
CREATE OR REPLACE FUNCTION gj_roll_up(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH l AS (
    SELECT sl.kind, sl.amount_fen, sl.counted, sl.order_id, sl.channel::text AS channel, sl.round_id, sl.livestream_id,
           sl.category_id, sl.township_slug, sl.supplier_id, sl.unit_id,
           extract(year FROM sl.occurred_at AT TIME ZONE 'Asia/Shanghai')::int AS yr
    FROM sales_ledger sl WHERE sl.id = ANY(ids)
  ), d AS (
    SELECT l.*, x.dim, x.key FROM l CROSS JOIN LATERAL (VALUES
      ('total', ''), ('channel', l.channel), ('round', l.round_id::text), ('livestream', l.livestream_id::text),
      ('category', l.category_id::text), ('township', l.township_slug), ('supplier', l.supplier_id::text), ('unit', l.unit_id::text)
    ) AS x(dim, key) WHERE x.key IS NOT NULL
  )
  INSERT INTO sales_rollup AS r (year, dim, key, counted, amount_fen, sale_fen, refund_fen, orders)
  SELECT yr, dim, key, counted, sum(amount_fen), coalesce(sum(amount_fen) FILTER (WHERE kind = 'sale'), 0),
         coalesce(-sum(amount_fen) FILTER (WHERE kind = 'refund'), 0), count(DISTINCT order_id) FILTER (WHERE kind = 'sale')
  FROM d GROUP BY yr, dim, key, counted ORDER BY yr, dim, key, counted
  ON CONFLICT (year, dim, key, counted) DO UPDATE SET
    amount_fen = r.amount_fen + excluded.amount_fen, sale_fen = r.sale_fen + excluded.sale_fen,
    refund_fen = r.refund_fen + excluded.refund_fen, orders = r.orders + excluded.orders;

  INSERT INTO sales_rollup_daily AS r (day, counted, amount_fen, sale_fen, refund_fen, orders)
  SELECT (sl.occurred_at AT TIME ZONE 'Asia/Shanghai')::date, sl.counted, sum(sl.amount_fen),
         coalesce(sum(sl.amount_fen) FILTER (WHERE sl.kind = 'sale'), 0), coalesce(-sum(sl.amount_fen) FILTER (WHERE sl.kind = 'refund'), 0),
         count(DISTINCT sl.order_id) FILTER (WHERE sl.kind = 'sale')
  FROM sales_ledger sl WHERE sl.id = ANY(ids) GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (day, counted) DO UPDATE SET
    amount_fen = r.amount_fen + excluded.amount_fen, sale_fen = r.sale_fen + excluded.sale_fen,
    refund_fen = r.refund_fen + excluded.refund_fen, orders = r.orders + excluded.orders;

  WITH m AS (
    INSERT INTO sales_rollup_members (year, kind, key)
    SELECT DISTINCT extract(year FROM sl.occurred_at AT TIME ZONE 'Asia/Shanghai')::int, k.kind, k.key
    FROM sales_ledger sl JOIN orders o ON o.id = sl.order_id
    CROSS JOIN LATERAL (VALUES ('buyer', coalesce(o.user_id::text, 'm:' || o.contact_mobile_hash)), ('unit', sl.unit_id::text)) AS k(kind, key)
    WHERE sl.id = ANY(ids) AND sl.counted AND sl.kind = 'sale' AND k.key IS NOT NULL
    ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING RETURNING year, kind
  )
  UPDATE sales_rollup r SET buyers = r.buyers + c.b, units = r.units + c.u
  FROM (SELECT year, count(*) FILTER (WHERE kind = 'buyer') AS b, count(*) FILTER (WHERE kind = 'unit') AS u FROM m GROUP BY year) c
  WHERE r.year = c.year AND r.dim = 'total' AND r.key = '' AND r.counted;
END
$$;
--> statement-breakpoint
-- Existing ledger rows (databases migrated from before the rollups).
SELECT gj_roll_up(coalesce((SELECT array_agg(id) FROM sales_ledger), '{}'));
