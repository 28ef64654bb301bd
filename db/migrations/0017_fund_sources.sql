CREATE TABLE "order_receipts" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"received_by" uuid,
	"auto" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_content_type" text,
	"photo_bytes" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fund_source" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fund_heads" integer;--> statement-breakpoint
ALTER TABLE "order_receipts" ADD CONSTRAINT "order_receipts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_receipts" ADD CONSTRAINT "order_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fund_source" CHECK ("orders"."fund_source" in ('canteen', 'union', 'other'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_fund_heads_positive" CHECK ("orders"."fund_heads" > 0);--> statement-breakpoint
-- Unit orders placed before fund sources were recorded were paid from the usual money: 食堂.
UPDATE "orders" SET "fund_source" = 'canteen' WHERE "unit_id" IS NOT NULL AND "fund_source" IS NULL;