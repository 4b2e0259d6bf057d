-- Bench-only additions for PostGraphile, applied to the benchmark's throwaway database, never to the product's
-- migrations. They are what a PostGraphile user would write to ask the same questions as the catalog:
-- a computed column for "the talks whose notes mention a technology" (mentions -> sections -> talks), one for "a
-- category's technologies by name" (a category of the landscape holds more than a page of them, and the join
-- table's own order is by id), one for the definition the catalog composes from its facts for a technology no one
-- has defined (Q2's glossary shows it), and the catalog's ranked search as a custom query (the same ranking as
-- src/Catalog.Api/Search/SearchIndex.cs). At the end: the indexes, settings and statistics a PostGraphile user
-- would give this database.
--
-- Where PostGraphile's time went. PostGraphile 4 compiles a request into one SQL statement of correlated subqueries,
-- one per connection and row: Q3 (16 root categories, 88 subcategories, 1,874 technologies, each with its talks,
-- speakers and organisations) runs the talks subquery 1,874 times. On the freshly imported database, EXPLAIN
-- (ANALYZE, BUFFERS) of that statement took 5.7 s, of which 5.2 s was PostgreSQL's JIT compiling it ("JIT:
-- Functions: 196, Inlining true, Optimization true ... Optimization 3090 ms, Emission 1804 ms") and about 0.3 s
-- running it. The planner priced it at 872,000, past jit_above_cost (100,000) and jit_inline_above_cost and
-- jit_optimize_above_cost (500,000), because the small tables (talks, sections, talk_speakers, talk_organizations,
-- people: fewer rows than autovacuum's threshold of 50 changes before it analyses a table) had never been
-- analysed: it assumed 90 sections and 9 speakers per talk and priced every subquery accordingly. Compiled code is
-- not kept between executions, so every request paid the compilation: 1 request/s under the benchmark's load. Q2
-- (all technologies) was priced at 122,000 the same way: 0.3 s of JIT (without optimisation) per request.
--
-- The setup, as PostgreSQL's and PostGraphile's documentation would have it:
-- - statistics: VACUUM ANALYZE after the bulk import (PostgreSQL, "Populating a Database": run ANALYZE afterwards);
-- - an index for each foreign key PostGraphile traverses (PostGraphile, "PostgreSQL Indexes"): the product's cover
--   all but mentions by technology to sections, which the talks column walks once per technology; an index on
--   mentions (technology_id, section_id) turns a scan of the whole table into an index-only lookup;
-- - random_page_cost = 1.1 for this database, which fits in shared_buffers many times over (PostgreSQL's
--   documentation of random_page_cost: lower it when the data is cached or on SSDs, e.g. to 1.1): at 4 the planner
--   hashed the whole technologies table once per category, 104 times per Q3, rather than fetch a category's ~20
--   technologies by primary key;
-- - jit_optimize_above_cost = -1, as PostGraphile 5 sets on each of its own connections (@dataplan/pg's adaptor:
--   the optimisation is the expensive part), so that a larger catalog cannot bring the compilation back.
-- The computed columns are LANGUAGE sql STABLE single SELECTs returning SETOF, which PostgreSQL inlines into
-- PostGraphile's statement (the plan shows their joins, no function scan). Q3 is then priced at about 28,000 (no
-- JIT) and its answer is the same. Measured one request at a time on the bench's 2-core machine while it was
-- shared with other work: Q3 from 4.5 s per request (1.6 s of CPU, nearly all of it compiling) to 0.15 s (about
-- 30 ms of PostgreSQL CPU and 35-40 ms of Node CPU); Q2 from 1.0 s (240 ms of PostgreSQL CPU) to 0.7 s (110 ms).
--
-- What remained was Node's share, which one Node process serialises: PostGraphile 4 builds a Relay connection
-- object (nodes, and the machinery behind it) for every list, and resolves each through graphql-js. The bench
-- starts PostGraphile with --simple-collections only (its documented option for plain lists; run.sh), as a user
-- would who asks for lists, as the catalog's schema answers these questions: Node's CPU per request, measured
-- with /proc on the same database, went for Q3 from 30-34 ms to 15-17 ms (answer 137 KB to 123 KB), Q2 from 165
-- to 102 ms, Q1 from 10 to 2 ms; the SQL is the same statement without the connection wrappers. Under wrk's 10
-- connections, on the machine at a load average of 20-30 (other builds), Q3 went from 2.7-10.7 to 12.7-14.9
-- requests/s. Computed columns for a talk's speakers and organisations (skipping the join tables) saved nothing
-- measurable on top, and are not used. On a freshly imported database today autovacuum has analysed the larger
-- tables within seconds, so Q3 is priced at 5,224 and not JIT-compiled, but without the rest of this file it hashed
-- the whole technologies table once per subcategory (88 scans and hashes: 84 ms of its 153 ms of execution, against
-- about 40 ms for the whole statement tuned; both on the loaded machine).

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

-- The definition the catalog composes from its facts for a technology no one has defined, in 'en' or 'ja' (the same
-- sentences as src/Catalog.Api/Technologies/FactsDefinition.cs); none for a technology with a written definition.
-- SETOF, so that PostgreSQL inlines it into PostGraphile's statement (a scalar SQL function with a FROM clause is
-- called once per technology: Q2's PostgreSQL time went from 108 to 240 ms that way, 138 ms inlined).
CREATE FUNCTION technologies_facts_definition(t technologies, lang text) RETURNS SETOF text
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN lang = 'ja' THEN
           t.name || 'は、'
           || CASE WHEN t.landscape_category IS NOT NULL THEN 'CNCFランドスケープの「' || t.landscape_category || ' / ' || t.landscape_subcategory || '」に掲載されている'
                   WHEN c.id IS NOT NULL THEN 'カタログの「' || c.name_ja || '」に分類される' ELSE '' END
           || coalesce(coalesce(o.name_ja, o.name) || 'の', '')
           || CASE t.kind WHEN 'project' THEN CASE WHEN t.repository IS NOT NULL THEN 'オープンソースプロジェクト' ELSE 'プロジェクト' END
                          WHEN 'product' THEN '製品' WHEN 'cloud-service' THEN 'クラウドサービス' WHEN 'specification' THEN '仕様'
                          WHEN 'protocol' THEN 'プロトコル' WHEN 'concept' THEN '概念' ELSE 'カーネル機能' END
           || '。'
           || CASE t.maturity
                WHEN 'sandbox' THEN coalesce(to_char(d.accepted, 'FMYYYY"年"FMMM"月"FMDD"日"') || 'にCNCFのサンドボックスプロジェクトとして採択された。', 'CNCFのサンドボックスプロジェクト。')
                WHEN 'incubating' THEN coalesce(to_char(d.incubating, 'FMYYYY"年"FMMM"月"FMDD"日"') || 'からCNCFのインキュベーティングプロジェクト。', 'CNCFのインキュベーティングプロジェクト。')
                WHEN 'graduated' THEN coalesce(to_char(d.graduated, 'FMYYYY"年"FMMM"月"FMDD"日"') || 'からCNCFの卒業プロジェクト。', 'CNCFの卒業プロジェクト。')
                WHEN 'archived' THEN coalesce(to_char(d.archived, 'FMYYYY"年"FMMM"月"FMDD"日"') || 'にCNCFでアーカイブされた。', 'CNCFでアーカイブされたプロジェクト。')
                ELSE '' END
           || CASE WHEN t.repository IS NOT NULL AND t.kind <> 'project' THEN 'ソースコードは公開されている。' ELSE '' END
         ELSE
           t.name || ' is '
           || CASE t.kind WHEN 'project' THEN CASE WHEN t.repository IS NOT NULL THEN 'an open-source project' ELSE 'a project' END
                          WHEN 'product' THEN 'a product' WHEN 'cloud-service' THEN 'a cloud service' WHEN 'specification' THEN 'a specification'
                          WHEN 'protocol' THEN 'a protocol' WHEN 'concept' THEN 'a concept' ELSE 'a kernel feature' END
           || coalesce(' from ' || o.name, '')
           || CASE WHEN t.landscape_category IS NOT NULL THEN ', listed in the CNCF landscape under ' || t.landscape_category || ' / ' || t.landscape_subcategory
                   WHEN c.id IS NOT NULL THEN ', in the catalog''s ' || c.name_en || ' category' ELSE '' END
           || '.'
           || CASE t.maturity
                WHEN 'sandbox' THEN coalesce(' The CNCF accepted it into its sandbox on ' || to_char(d.accepted, 'FMDD FMMonth YYYY') || '.', ' It is a CNCF sandbox project.')
                WHEN 'incubating' THEN coalesce(' It has been an incubating CNCF project since ' || to_char(d.incubating, 'FMDD FMMonth YYYY') || '.', ' It is an incubating CNCF project.')
                WHEN 'graduated' THEN coalesce(' It has been a graduated CNCF project since ' || to_char(d.graduated, 'FMDD FMMonth YYYY') || '.', ' It is a graduated CNCF project.')
                WHEN 'archived' THEN coalesce(' The CNCF archived it on ' || to_char(d.archived, 'FMDD FMMonth YYYY') || '.', ' It is an archived CNCF project.')
                ELSE '' END
           || CASE WHEN t.repository IS NOT NULL AND t.kind <> 'project' THEN ' Its source code is public.' ELSE '' END
         END
  -- The landscape's dates count only where the landscape lists it.
  FROM (SELECT CASE WHEN t.landscape_category IS NOT NULL THEN t.landscape_accepted_on END AS accepted,
               CASE WHEN t.landscape_category IS NOT NULL THEN t.landscape_incubating_on END AS incubating,
               CASE WHEN t.landscape_category IS NOT NULL THEN t.landscape_graduated_on END AS graduated,
               CASE WHEN t.landscape_category IS NOT NULL THEN t.landscape_archived_on END AS archived) d
  -- Its maker: maintainers, then creators, then the landscape's listing, each by id; not the CNCF for a CNCF project.
  LEFT JOIN LATERAL (SELECT og.name, og.name_ja FROM technology_organizations x JOIN organizations og ON og.id = x.organization_id
    WHERE x.technology_id = t.id AND NOT (t.maturity IS NOT NULL AND og.name = 'Cloud Native Computing Foundation')
    ORDER BY CASE x.role WHEN 'maintainer' THEN 0 WHEN 'creator' THEN 1 ELSE 2 END, x.organization_id LIMIT 1) o ON true
  -- Its first category in the catalog.
  LEFT JOIN LATERAL (SELECT cg.id, cg.name_en, cg.name_ja FROM technology_categories x JOIN categories cg ON cg.id = x.category_id
    WHERE x.technology_id = t.id ORDER BY x.position, x.category_id LIMIT 1) c ON true
  WHERE NOT EXISTS (SELECT FROM technology_definitions x WHERE x.technology_id = t.id)
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


-- The index for the traversal mentions -> sections by technology (technologies_talks, once per technology).
CREATE INDEX mentions_technology_id_section_id ON mentions (technology_id, section_id);

-- Planner settings for this database (new connections; PostGraphile starts after this file).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET random_page_cost = 1.1', current_database());
  EXECUTE format('ALTER DATABASE %I SET jit_optimize_above_cost = -1', current_database());
END
$$;

-- Statistics (and the visibility map, for the index-only scans) after the bulk import.
VACUUM ANALYZE;
