-- Chinese substring search. Trigram indexes cannot serve one- and two-character queries, which are
-- most Chinese queries (茶, 刺绣), so we index every single character and every pair of adjacent
-- characters of products.search_text in a GIN index. A query term of one character must be among the
-- unigrams; a longer term must have all its bigrams present. The planner then rechecks with LIKE.
CREATE OR REPLACE FUNCTION gj_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT substr(t, i, 1) AS g FROM generate_series(1, length(t)) AS i
    UNION ALL
    SELECT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i
  ) AS s WHERE g !~ '\s'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION gj_query_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN length(t) <= 1 THEN ARRAY[t]
    ELSE ARRAY(SELECT DISTINCT substr(t, i, 2) FROM generate_series(1, length(t) - 1) AS i) END
$$;
--> statement-breakpoint
CREATE INDEX "products_search_grams_idx" ON "products" USING gin (gj_grams("search_text"));
