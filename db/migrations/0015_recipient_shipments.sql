CREATE TABLE "recipient_shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"supplier_id" integer NOT NULL,
	"carrier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"shipped_by" uuid,
	"shipped_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recipient_shipments" ADD CONSTRAINT "recipient_shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_shipments" ADD CONSTRAINT "recipient_shipments_recipient_id_order_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."order_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_shipments" ADD CONSTRAINT "recipient_shipments_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_shipments" ADD CONSTRAINT "recipient_shipments_shipped_by_users_id_fk" FOREIGN KEY ("shipped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recipient_shipments_recipient_idx" ON "recipient_shipments" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "recipient_shipments_order_idx" ON "recipient_shipments" USING btree ("order_id","supplier_id");