-- Checkout's stock reservation in one statement, so that it can be sent together with the COMMIT
-- (db/queries/stock.ts takeStockAndCommit): a popular product's row is then locked only while
-- PostgreSQL runs the two, not while the reply travels to the app and the app sends COMMIT.
-- Each line is taken in the order given (the caller sorts by product id, so two orders lock rows in one
-- order) if its stock suffices and the product is still listed at the price the order was priced at.
-- A product whose price or listing changed meanwhile raises serialization_failure (40001): the caller
-- runs the whole checkout again with fresh values. Lines short of stock raise GJ409 once all lines are
-- checked, with the short product ids, comma-separated, as the DETAIL. Either way nothing is taken.
CREATE FUNCTION "take_stock"("product_ids" integer[], "quantities" integer[], "prices_fen" integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  i integer;
  current_price integer;
  current_status text;
  short integer[] := '{}';
BEGIN
  IF cardinality(product_ids) IS DISTINCT FROM cardinality(quantities)
    OR cardinality(product_ids) IS DISTINCT FROM cardinality(prices_fen) THEN
    RAISE EXCEPTION 'take_stock: arrays of different lengths' USING ERRCODE = '22023';
  END IF;
  FOR i IN 1 .. coalesce(cardinality(product_ids), 0) LOOP
    IF quantities[i] IS NULL OR quantities[i] <= 0 THEN
      RAISE EXCEPTION 'take_stock: quantity must be positive' USING ERRCODE = '22023';
    END IF;
    UPDATE "products" SET "stock" = "stock" - quantities[i], "updated_at" = now()
      WHERE "id" = product_ids[i] AND "stock" >= quantities[i] AND "price_fen" = prices_fen[i]
        AND "status" = 'listed';
    IF NOT FOUND THEN
      SELECT "price_fen", "status" INTO current_price, current_status FROM "products" WHERE "id" = product_ids[i];
      IF FOUND AND (current_price <> prices_fen[i] OR current_status <> 'listed') THEN
        RAISE EXCEPTION 'product changed during checkout' USING ERRCODE = '40001';
      END IF;
      short := short || product_ids[i];
    END IF;
  END LOOP;
  IF cardinality(short) > 0 THEN
    RAISE EXCEPTION 'out of stock' USING ERRCODE = 'GJ409', DETAIL = array_to_string(short, ',');
  END IF;
END
$$;
