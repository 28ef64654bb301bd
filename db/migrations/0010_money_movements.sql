CREATE TYPE "public"."movement_kind" AS ENUM('payment', 'transfer', 'refund');--> statement-breakpoint
CREATE TYPE "public"."movement_state" AS ENUM('applied', 'unmatched', 'returned');--> statement-breakpoint
CREATE TABLE "payment_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "movement_kind" NOT NULL,
	"provider" "payment_method" NOT NULL,
	"external_ref" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"currency" text DEFAULT 'cny' NOT NULL,
	"order_id" uuid,
	"state" "movement_state" NOT NULL,
	"source_id" uuid,
	"unmatched_reason" text,
	"given_order_ref" text,
	"actor_id" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_movements_amount_positive" CHECK ("payment_movements"."amount_fen" > 0),
	CONSTRAINT "payment_movements_refund_source" CHECK (("payment_movements"."kind" = 'refund') = ("payment_movements"."source_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "payment_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"provider" "payment_method" NOT NULL,
	"external_ref" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_stripe_session_id_unique";--> statement-breakpoint
ALTER TABLE "payment_movements" ADD CONSTRAINT "payment_movements_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_movements" ADD CONSTRAINT "payment_movements_source_id_payment_movements_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."payment_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_movements" ADD CONSTRAINT "payment_movements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_movements" ADD CONSTRAINT "payment_movements_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_sessions" ADD CONSTRAINT "payment_sessions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_movements_provider_ref_idx" ON "payment_movements" USING btree ("provider","external_ref");--> statement-breakpoint
CREATE INDEX "payment_movements_order_idx" ON "payment_movements" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "payment_movements_source_idx" ON "payment_movements" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "payment_movements_unmatched_idx" ON "payment_movements" USING btree ("created_at") WHERE "payment_movements"."state" = 'unmatched';--> statement-breakpoint
CREATE UNIQUE INDEX "payment_sessions_provider_ref_idx" ON "payment_sessions" USING btree ("provider","external_ref");--> statement-breakpoint
CREATE INDEX "payment_sessions_order_idx" ON "payment_sessions" USING btree ("order_id","status");--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "stripe_session_id";