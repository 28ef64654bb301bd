ALTER TABLE "products" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (gj_grams(lower("products"."name" || ' ' || "products"."spec" || ' ' || "products"."code" || ' ' || "products"."description"))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "products_search_grams_gin_idx" ON "products" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category_id");--> statement-breakpoint
DROP INDEX IF EXISTS "products_search_grams_idx";
