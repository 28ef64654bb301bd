CREATE TYPE "public"."benefit_channel" AS ENUM('production', 'employment', 'dividend');--> statement-breakpoint
CREATE TYPE "public"."dividend_split" AS ENUM('equal', 'shares');--> statement-breakpoint
CREATE TYPE "public"."household_category" AS ENUM('poverty_lifted', 'monitored', 'general');--> statement-breakpoint
CREATE TYPE "public"."payout_confirmation" AS ENUM('not_needed', 'household_code', 'second_manager');--> statement-breakpoint
CREATE TYPE "public"."payout_kind" AS ENUM('piece_rate', 'day_wage', 'purchase_premium', 'dividend');--> statement-breakpoint
CREATE TYPE "public"."payout_method" AS ENUM('bank', 'cash', 'wechat');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('awaiting_confirmation', 'submitted', 'verified', 'returned', 'void');--> statement-breakpoint
ALTER TYPE "public"."invite_kind" ADD VALUE 'payout_reviewer';--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'reviewer';--> statement-breakpoint
CREATE TABLE "benefit_reviewers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"township_slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dividend_rule_members" (
	"rule_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"shares" integer NOT NULL,
	CONSTRAINT "dividend_rule_members_rule_id_household_id_pk" PRIMARY KEY("rule_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "dividend_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"supplier_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"share_bps" integer NOT NULL,
	"split" "dividend_split" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dividend_rules_share_range" CHECK ("dividend_rules"."share_bps" between 1 and 10000),
	CONSTRAINT "dividend_rules_period" CHECK ("dividend_rules"."period_to" >= "dividend_rules"."period_from")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" serial PRIMARY KEY NOT NULL,
	"supplier_id" integer NOT NULL,
	"code" text NOT NULL,
	"township_slug" text NOT NULL,
	"village" text NOT NULL,
	"category" "household_category" NOT NULL,
	"members" integer NOT NULL,
	"channels" "benefit_channel"[] NOT NULL,
	"shares" integer DEFAULT 1 NOT NULL,
	"name_enc" "bytea",
	"id_number_enc" "bytea",
	"active" boolean DEFAULT true NOT NULL,
	"confirm_code_hash" text,
	"confirm_code_failures" integer DEFAULT 0 NOT NULL,
	"confirm_code_issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_members_range" CHECK ("households"."members" between 1 and 30),
	CONSTRAINT "households_shares_range" CHECK ("households"."shares" between 1 and 10000),
	CONSTRAINT "households_has_channel" CHECK (cardinality("households"."channels") >= 1)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" serial PRIMARY KEY NOT NULL,
	"supplier_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"kind" "payout_kind" NOT NULL,
	"channel" "benefit_channel" NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"quantity_centi" integer,
	"unit_rate_fen" integer,
	"product_id" integer,
	"order_id" uuid,
	"dividend_rule_id" integer,
	"method" "payout_method" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"receipt_content_type" text,
	"receipt_bytes" "bytea",
	"status" "payout_status" NOT NULL,
	"confirmation" "payout_confirmation" NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"recorded_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."amount_fen" > 0),
	CONSTRAINT "payouts_channel_of_kind" CHECK ("payouts"."channel" = case "payouts"."kind" when 'purchase_premium' then 'production'::benefit_channel when 'dividend' then 'dividend'::benefit_channel else 'employment'::benefit_channel end),
	CONSTRAINT "payouts_kind_details" CHECK (("payouts"."kind" = 'dividend' and "payouts"."dividend_rule_id" is not null) or ("payouts"."kind" <> 'dividend' and "payouts"."quantity_centi" > 0 and "payouts"."unit_rate_fen" > 0)),
	CONSTRAINT "payouts_verified_reviewed" CHECK ("payouts"."status" <> 'verified' or "payouts"."reviewed_by" is not null)
);
--> statement-breakpoint
ALTER TABLE "invites" DROP CONSTRAINT "invites_target";--> statement-breakpoint
ALTER TABLE "invites" ADD COLUMN "township_slug" text;--> statement-breakpoint
ALTER TABLE "benefit_reviewers" ADD CONSTRAINT "benefit_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_reviewers" ADD CONSTRAINT "benefit_reviewers_township_slug_townships_slug_fk" FOREIGN KEY ("township_slug") REFERENCES "public"."townships"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_rule_members" ADD CONSTRAINT "dividend_rule_members_rule_id_dividend_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."dividend_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_rule_members" ADD CONSTRAINT "dividend_rule_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_rules" ADD CONSTRAINT "dividend_rules_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dividend_rules" ADD CONSTRAINT "dividend_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_township_slug_townships_slug_fk" FOREIGN KEY ("township_slug") REFERENCES "public"."townships"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_dividend_rule_id_dividend_rules_id_fk" FOREIGN KEY ("dividend_rule_id") REFERENCES "public"."dividend_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dividend_rules_supplier_idx" ON "dividend_rules" USING btree ("supplier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "households_supplier_code_idx" ON "households" USING btree ("supplier_id","code");--> statement-breakpoint
CREATE INDEX "households_township_idx" ON "households" USING btree ("township_slug");--> statement-breakpoint
CREATE INDEX "payouts_supplier_idx" ON "payouts" USING btree ("supplier_id","paid_on");--> statement-breakpoint
CREATE INDEX "payouts_household_idx" ON "payouts" USING btree ("household_id","paid_on");--> statement-breakpoint
CREATE INDEX "payouts_status_idx" ON "payouts" USING btree ("status","paid_on");--> statement-breakpoint
CREATE INDEX "payouts_rule_idx" ON "payouts" USING btree ("dividend_rule_id");--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_township_slug_townships_slug_fk" FOREIGN KEY ("township_slug") REFERENCES "public"."townships"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_target" CHECK (("invites"."kind" = 'unit_member' and "invites"."unit_id" is not null and "invites"."unit_role" is not null) or ("invites"."kind" = 'supplier_manager' and "invites"."supplier_id" is not null) or ("invites"."kind"::text = 'payout_reviewer' and "invites"."township_slug" is not null));