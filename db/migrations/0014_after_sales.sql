CREATE TABLE "after_sales_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"order_item_id" bigint NOT NULL,
	"supplier_id" integer NOT NULL,
	"requested_by" uuid,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"quantity" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"supplier_deadline" timestamp with time zone NOT NULL,
	"supplier_note" text,
	"office_note" text,
	"return_address" text,
	"return_carrier" text,
	"return_tracking_no" text,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "after_sales_cases_quantity_positive" CHECK ("after_sales_cases"."quantity" > 0),
	CONSTRAINT "after_sales_cases_amount_positive" CHECK ("after_sales_cases"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "after_sales_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"case_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "after_sales_class" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_cases" ADD CONSTRAINT "after_sales_cases_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "after_sales_photos" ADD CONSTRAINT "after_sales_photos_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_case_id_after_sales_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."after_sales_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "after_sales_cases_item_idx" ON "after_sales_cases" USING btree ("order_item_id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_order_idx" ON "after_sales_cases" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "after_sales_cases_supplier_idx" ON "after_sales_cases" USING btree ("supplier_id","status");--> statement-breakpoint
CREATE INDEX "after_sales_cases_status_idx" ON "after_sales_cases" USING btree ("status","supplier_deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "after_sales_photos_case_position_idx" ON "after_sales_photos" USING btree ("case_id","position");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_after_sales_class" CHECK ("products"."after_sales_class" in ('standard', 'perishable', 'custom'));