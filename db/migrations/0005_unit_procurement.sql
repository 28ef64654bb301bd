CREATE TABLE "order_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"name_enc" "bytea" NOT NULL,
	"mobile_enc" "bytea" NOT NULL,
	"address_enc" "bytea" NOT NULL,
	"source_row" integer NOT NULL,
	CONSTRAINT "order_recipients_quantity" CHECK ("order_recipients"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "promotion_rounds" ADD COLUMN "ends_on" date;--> statement-breakpoint
-- Existing rounds ran four weeks from the day they were held.
UPDATE "promotion_rounds" SET "ends_on" = "held_on" + 27 WHERE "ends_on" IS NULL;--> statement-breakpoint
ALTER TABLE "promotion_rounds" ALTER COLUMN "ends_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_rounds" ADD COLUMN "open" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_terms" text DEFAULT 'prepay' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_recipients" ADD CONSTRAINT "order_recipients_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_recipients" ADD CONSTRAINT "order_recipients_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_recipients_order_idx" ON "order_recipients" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_payment_terms" CHECK ("payment_terms" in ('prepay', 'pay_later'));