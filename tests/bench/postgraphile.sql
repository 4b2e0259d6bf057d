-- Bench-only additions for PostGraphile, applied to the benchmark's throwaway database, never to the product's
-- migrations. They are what a PostGraphile user would write to ask the same questions as the catalog:
-- a computed column for "the talks whose notes mention a technology" (mentions -> sections -> talks), one for "a
-- category's technologies by name" (a category of the landscape holds more than a page of them, and the join
-- table's own order is by id), and the catalog's ranked search as a custom query (the same ranking as
-- src/Catalog.Api/Search/SearchIndex.cs).

CREATE FUNCTION technologies_talks(t technologies) RETURNS SETOF talks
LANGUAGE sql STABLE AS $$
  SELECT k.* FROM talks k
  WHERE k.id IN (SELECT s.talk_id FROM mentions m JOIN sections s ON s.id = m.section_id WHERE m.technology_id = t.id)
  ORDER BY (SELECT min(s.position) FROM sections s WHERE s.talk_id = k.id), k.id
$$;

-- By name as the catalog orders (lower case, compared by code point, then id).
CREATE FUNCTION categories_technologies_by_name(c categories) RETURNS SETOF technologies
LANGUAGE sql STABLE AS $$
  SELECT t.* FROM technologies t JOIN technology_categories tc ON tc.technology_id = t.id
  WHERE tc.category_id = c.id
  ORDER BY lower(t.name) COLLATE "C", t.id
$$;

CREATE TYPE search_hit AS (kind int, slug text, matched text, score double precision);

-- q: the query already NFKC-folded and lower-cased (as the catalog does before searching).
CREATE FUNCTION search_catalog(q text, lang text, max_results int) RETURNS SETOF search_hit
LANGUAGE sql STABLE AS $$
  WITH p AS (SELECT q, '%' || replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_') || '%' AS contains, lang),
  names AS (
      SELECT x.kind, x.item_id AS id, x.matched, x.norm, x.lang, x.definition
      FROM search_texts x, p
      WHERE NOT x.definition AND x.norm LIKE p.contains
  ),
  few AS (
      SELECT count(DISTINCT (n.kind, n.id)) < max_results AS yes FROM names n
  ),
  texts AS (
      SELECT * FROM names
      UNION ALL
      SELECT x.kind, x.item_id, x.matched, x.norm, x.lang, x.definition
      FROM search_texts x, p
      WHERE (SELECT yes FROM few) AND (
          (x.definition AND x.norm LIKE p.contains)
          OR (NOT x.definition AND x.norm NOT LIKE p.contains AND (x.norm % p.q OR p.q <% x.norm)))
  ),
  scored AS (
      SELECT x.kind, x.id, x.matched,
          CASE
              WHEN x.definition THEN 20 + 10.0 * length(p.q) / greatest(length(x.norm), 1)
              WHEN x.norm = p.q THEN 100
              WHEN starts_with(x.norm, p.q) THEN 80 + 10.0 * length(p.q) / length(x.norm)
              WHEN strpos(x.norm, p.q) > 0 THEN 60 + 10.0 * length(p.q) / length(x.norm)
              ELSE 40 + 10.0 * greatest(similarity(x.norm, p.q), 0.8 * word_similarity(p.q, x.norm))
          END
          + CASE WHEN p.lang IS NULL OR x.lang IS NULL OR x.lang = p.lang THEN 5 ELSE 0 END
          + CASE WHEN x.kind = 0 THEN least(2, 0.5 * ln(1 + t.mention_count)) ELSE 0 END AS score
      FROM p, texts x
      LEFT JOIN technologies t ON x.kind = 0 AND t.id = x.id
  ),
  best AS (
      SELECT DISTINCT ON (kind, id) kind, id, matched, score
      FROM scored
      ORDER BY kind, id, score DESC, length(matched), matched
  )
  SELECT b.kind,
         CASE b.kind WHEN 0 THEN (SELECT slug FROM technologies WHERE id = b.id) WHEN 1 THEN (SELECT slug FROM categories WHERE id = b.id)
                     WHEN 2 THEN (SELECT slug FROM organizations WHERE id = b.id) ELSE (SELECT slug FROM talks WHERE id = b.id) END::text,
         b.matched, round(b.score::numeric, 3)::double precision
  FROM best b
  ORDER BY b.score DESC, b.kind, b.id
  LIMIT max_results
$$;
