-- Grows the imported seed the way the field grows: by write-ups. Run on a copy of the bench database:
--   psql -v writeups=1000 -f writeups.sql
-- Each write-up is one event's notes (a document in Japanese or English): 10-20 talks, each a section under a
-- "###" heading with one or two speakers, and 50-200 mentions of technologies spread over the talks, one per
-- bullet line, the document's content made of exactly those lines (so line numbers and sections agree, as the
-- importer writes them). Which technology a mention names follows a Zipf law (the r-th most popular one is named
-- about 1/r as often as the first), the most popular being those the seed's own notes mention most (Kubernetes
-- first), then the curated ones, then the rest in a fixed pseudo-random order. Speakers and companies recur
-- across events (a few of each give many of the talks), and new technologies join the catalog in a long tail:
-- 18,000 * (N / 10,000)^0.6 of them (vocabulary growth after Heaps' law: 18,000 at 10,000 write-ups, about 20,000
-- technologies in all; 4,500 at 1,000), each with a name, its slug, often a katakana reading or the spelling
-- notes use, a category of the landscape, and a short definition in both languages marked as generated. The made-up
-- names can spell ordinary words (Tomato, Karate), so like the landscape's long tail they match only in their own
-- case, and their readings are four kana long (three can spell real words, such as テスト).
-- Everything is set-based and deterministic (hashes of row numbers, no random()), in one transaction, so the
-- triggers rebuild the search texts and bump the catalog's version once.
\set ON_ERROR_STOP 1
BEGIN;

CREATE TEMP TABLE p ON COMMIT DROP AS
SELECT :writeups::int AS n,
       round(18000 * power(:writeups / 10000.0, 0.6))::int AS new_technologies,
       :writeups * 8 AS people,
       greatest(20, :writeups) AS companies,
       ARRAY['ka','ri','to','ne','mo','zu','la','vi','ko','sa','mi','ru','te','no','ha','yo','shi','ta','be','go',
             'ra','ke','fu','ni','po','de','ma','su','ro','ki','ze','wa','do','pi','na','tsu','me','bo','ya','gu'] AS syl,
       ARRAY['カ','リ','ト','ネ','モ','ズ','ラ','ヴィ','コ','サ','ミ','ル','テ','ノ','ハ','ヨ','シ','タ','ベ','ゴ',
             'ラ','ケ','フ','ニ','ポ','デ','マ','ス','ロ','キ','ゼ','ワ','ド','ピ','ナ','ツ','メ','ボ','ヤ','グ'] AS kana;

-- A uniform number in [0, 1) from a key and a salt: the same rows every run.
CREATE FUNCTION pg_temp.u(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
$$ SELECT ((hashint8extended(k, salt) >> 11) & 9007199254740991)::float8 / 9007199254740992 $$;
-- A made-up word of three (four past 64,000) syllables for the number k, unique per k.
CREATE FUNCTION pg_temp.word(k bigint, syl text[]) RETURNS text LANGUAGE sql IMMUTABLE AS
$$ SELECT syl[1 + k % 40] || syl[1 + k / 40 % 40] || syl[1 + k / 1600 % 40] || CASE WHEN k >= 64000 THEN syl[1 + k / 64000 % 40] ELSE '' END $$;

-- New technologies: the long tail.
CREATE TEMP TABLE gen_tech ON COMMIT DROP AS
SELECT (SELECT max(id) FROM technologies) + row_number() OVER (ORDER BY k) AS id, k, name, lower(replace(name, ' ', '-')) AS slug, base,
       CASE WHEN pg_temp.u(k, 2) < 0.75 THEN 'project' WHEN pg_temp.u(k, 2) < 0.9 THEN 'product' WHEN pg_temp.u(k, 2) < 0.97 THEN 'cloud-service' ELSE 'concept' END AS kind
FROM (SELECT k, base, initcap(base) || CASE WHEN pg_temp.u(k, 1) < 0.6 THEN '' WHEN pg_temp.u(k, 1) < 0.7 THEN ' DB' WHEN pg_temp.u(k, 1) < 0.8 THEN ' Operator'
                                             WHEN pg_temp.u(k, 1) < 0.9 THEN 'ctl' ELSE ' Mesh' END AS name
      FROM (SELECT k, pg_temp.word(k * 7919 % 2560000, (SELECT syl FROM p)) AS base FROM generate_series(0, (SELECT new_technologies FROM p) - 1) k) w) x
WHERE NOT EXISTS (SELECT FROM technology_aliases a WHERE a.normalized IN (lower(x.name), lower(replace(x.name, ' ', '-'))))
  AND NOT EXISTS (SELECT FROM technologies t WHERE t.slug = lower(replace(x.name, ' ', '-')));

INSERT INTO technologies (id, slug, name, kind, mention_count)
SELECT id, slug, name, kind, 0 FROM gen_tech;

INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, lang, case_sensitive, match)
SELECT (SELECT max(id) FROM technology_aliases) + row_number() OVER (ORDER BY g.id, f.n), g.id, f.text, lower(f.text), f.kind, f.lang, f.n = 1, f.match
FROM gen_tech g
CROSS JOIN LATERAL (VALUES
    (1, g.name, 'name', NULL::text, true),
    (2, g.slug, 'slug', NULL, false),
    (3, CASE WHEN pg_temp.u(g.k, 3) < 0.4 THEN (SELECT kana[1 + (g.k * 7919 % 2560000) % 40] || kana[1 + (g.k * 7919 % 2560000) / 40 % 40] || kana[1 + (g.k * 7919 % 2560000) / 1600 % 40] || kana[1 + g.k * 31 % 40] FROM p) END, 'reading', 'ja', true),
    (4, CASE WHEN pg_temp.u(g.k, 4) < 0.2 THEN g.base || right(g.base, 1) END, 'notes-spelling', NULL, true)) f(n, text, kind, lang, match)
WHERE f.text IS NOT NULL
ON CONFLICT (normalized) DO NOTHING;

-- A category of the landscape (a subcategory), and a definition in each language, marked as generated.
CREATE TEMP TABLE subcategories ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY id) AS i, id, name_en, name_ja FROM categories WHERE parent_id IS NOT NULL;
CREATE TEMP TABLE gen_cat ON COMMIT DROP AS
SELECT g.id, g.name, g.kind, s.id AS category_id, s.name_en, s.name_ja
FROM gen_tech g JOIN subcategories s ON s.i = 1 + floor(pg_temp.u(g.k, 5) * (SELECT count(*) FROM subcategories));
INSERT INTO technology_categories (technology_id, category_id, position) SELECT id, category_id, 0 FROM gen_cat;
INSERT INTO technology_definitions (id, technology_id, lang, short)
SELECT (SELECT max(id) FROM technology_definitions) + row_number() OVER (ORDER BY c.id, l.lang), c.id, l.lang, l.short
FROM gen_cat c
CROSS JOIN LATERAL (VALUES
    ('en', c.name || ' is a ' || replace(c.kind, '-', ' ') || ' in the ' || c.name_en || ' space, as write-ups describe it: '
           || 'it is deployed next to the cluster and configured declaratively. (Generated benchmark data.)'),
    ('ja', c.name || 'は「' || c.name_ja || '」の分野の'
           || CASE c.kind WHEN 'project' THEN 'プロジェクト' WHEN 'product' THEN '製品' WHEN 'cloud-service' THEN 'クラウドサービス' ELSE '概念' END
           || '。クラスタの隣に配置し、宣言的に設定して使う。(ベンチマーク用に生成したデータ)')) l(lang, short);

-- Who speaks: companies and people, each a pool from which a few are drawn far more often than the rest.
CREATE TEMP TABLE org_pool ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY g, key) AS rank, id FROM (
    SELECT 0 AS g, md5(o.slug) AS key, o.id FROM organizations o WHERE EXISTS (SELECT FROM talk_organizations x WHERE x.organization_id = o.id)
    UNION ALL
    SELECT 1, md5(o.slug), o.id FROM organizations o WHERE NOT EXISTS (SELECT FROM talk_organizations x WHERE x.organization_id = o.id)) o;
INSERT INTO organizations (id, slug, name, kind, aliases, cncf_programs)
SELECT (SELECT max(id) FROM organizations) + k + 1, w || '-' || k, initcap(w) || (ARRAY[' Inc.', ' Technologies', ' Labs', ' Systems', ' Cloud', ' Works'])[1 + k % 6], 'company', '{}', '{}'
FROM (SELECT k, pg_temp.word(k * 104729 % 2560000 + 7, (SELECT syl FROM p)) AS w FROM generate_series(0, (SELECT companies FROM p) - 1) k) x;
INSERT INTO org_pool (rank, id)
SELECT (SELECT max(rank) FROM org_pool) + row_number() OVER (ORDER BY id), id FROM organizations WHERE id > (SELECT max(id) FROM org_pool);

CREATE UNIQUE INDEX ON org_pool (rank);
ANALYZE org_pool;
CREATE TEMP TABLE gen_person ON COMMIT DROP AS
SELECT (SELECT coalesce(max(id), 0) FROM people) + k + 1 AS id, k,
       initcap(pg_temp.word(k * 31 % 1600 + 1600, (SELECT syl FROM p))) || ' ' || initcap(pg_temp.word(k * 7907 % 2560000, (SELECT syl FROM p))) AS name,
       o.id AS organization_id
FROM generate_series(0, (SELECT people FROM p) - 1) k
JOIN org_pool o ON o.rank = 1 + floor(power(pg_temp.u(k, 6), 1.5) * (SELECT count(*) FROM org_pool))::int;
INSERT INTO people (id, slug, name, handle)
SELECT id, lower(replace(name, ' ', '-')) || '-' || k, name, CASE WHEN pg_temp.u(k, 7) < 0.5 THEN lower(split_part(name, ' ', 1)) || k END FROM gen_person;

-- The write-ups: one event each.
CREATE TEMP TABLE gen_doc ON COMMIT DROP AS
SELECT e, (SELECT max(id) FROM events) + e AS event_id, (SELECT max(id) FROM documents) + e AS document_id,
       (ARRAY['Cloud Native Meetup', 'Container Days', 'Kubernetes Night', 'Platform Engineering Summit', 'SRE Conference', 'DevOps Days',
              'Observability Camp', 'Service Mesh Day'])[1 + e % 8] || ' #' || e AS event_name,
       DATE '2015-01-01' + (e * 4300 / (SELECT n FROM p))::int AS day,
       (ARRAY['Tokyo', 'Osaka', 'Fukuoka', 'Sapporo', 'Nagoya', 'San Francisco', 'Amsterdam', 'Seoul', 'Singapore', 'Berlin'])[1 + floor(pg_temp.u(e, 8) * 10)::int] AS city,
       CASE WHEN pg_temp.u(e, 9) < 0.7 THEN 'ja' ELSE 'en' END AS lang,
       10 + floor(pg_temp.u(e, 10) * 11)::int AS talks,
       50 + floor(pg_temp.u(e, 11) * 151)::int AS mentions
FROM generate_series(1, (SELECT n FROM p)) e;
INSERT INTO events (id, slug, name, date, city)
SELECT event_id, 'writeup-event-' || e, event_name, day, city FROM gen_doc;

-- Technologies by popularity rank, each with the forms a mention may be written in (its name first).
CREATE TEMP TABLE ranked ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY t.grp, t.mention_count DESC, t.key) AS rank, t.id, a.ids, a.texts
FROM (SELECT t.id, t.mention_count, md5(t.slug) AS key,
             CASE WHEN t.mention_count > 0 THEN 0 WHEN t.id <= (SELECT min(id) - 1 FROM gen_tech) AND EXISTS (SELECT FROM technology_definitions d WHERE d.technology_id = t.id) THEN 1 ELSE 2 END AS grp
      FROM technologies t) t
JOIN LATERAL (SELECT array_agg(a.id ORDER BY a.kind <> 'name', a.id) AS ids, array_agg(a.text ORDER BY a.kind <> 'name', a.id) AS texts
              FROM technology_aliases a WHERE a.technology_id = t.id AND a.match) a ON a.ids IS NOT NULL;
CREATE UNIQUE INDEX ON ranked (rank);
ANALYZE ranked;

CREATE TEMP TABLE gen_talk ON COMMIT DROP AS
SELECT d.document_id, d.event_id, d.e, d.lang, j, d.talks, d.mentions,
       d.mentions / d.talks + CASE WHEN j < d.mentions % d.talks THEN 1 ELSE 0 END AS lines
FROM gen_doc d, generate_series(0, d.talks - 1) j;
ALTER TABLE gen_talk ADD COLUMN id int, ADD COLUMN section_id int, ADD COLUMN start_line int, ADD COLUMN title text, ADD COLUMN slot text;
UPDATE gen_talk g SET id = x.id, section_id = x.section_id, start_line = x.start_line
FROM (SELECT document_id, j,
             (SELECT max(id) FROM talks) + row_number() OVER (ORDER BY document_id, j) AS id,
             (SELECT max(id) FROM sections) + row_number() OVER (ORDER BY document_id, j) + document_id - (SELECT min(document_id) FROM gen_doc) + 1 AS section_id,
             -- Line 1 the title, line 2 blank, then per talk: its heading, a line per mention, one more line, a blank.
             3 + coalesce(sum(lines + 3) OVER (PARTITION BY document_id ORDER BY j ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS start_line
      FROM gen_talk) x
WHERE g.document_id = x.document_id AND g.j = x.j;
UPDATE gen_talk g SET
  title = CASE WHEN g.lang = 'ja' THEN (ARRAY['%sを本番運用して分かったこと', '%s入門', '%sで作る社内プラットフォーム', 'なぜ%sを選んだのか', '%sの監視とトラブルシューティング'])[1 + g.id % 5]
               ELSE (ARRAY['Running %s in production', '%s deep dive', 'Lessons from migrating to %s', 'Building a platform on %s', 'Debugging %s at scale'])[1 + g.id % 5] END,
  slot = CASE WHEN pg_temp.u(g.e, 12) < 0.5 THEN to_char(TIME '10:00' + g.j * INTERVAL '40 minutes', 'HH24:MI') || ' - ' || to_char(TIME '10:30' + g.j * INTERVAL '40 minutes', 'HH24:MI') END;
UPDATE gen_talk g SET title = format(g.title, r.texts[1])
FROM ranked r WHERE r.rank = least((SELECT max(rank) FROM ranked), floor(power((SELECT max(rank) FROM ranked) + 1, pg_temp.u(g.id, 13))))::int;

INSERT INTO talks (id, slug, title, event_id, position, time)
SELECT id, 'writeup-' || e || '-talk-' || (j + 1), title, event_id, (SELECT max(position) FROM talks) + 1 + id - (SELECT min(id) FROM gen_talk), slot FROM gen_talk;

-- One or two speakers per talk, each speaking for their company.
CREATE TEMP TABLE gen_speaker ON COMMIT DROP AS
SELECT DISTINCT ON (t.id, s.person_id) t.id AS talk_id, s.person_id, s.n, gp.organization_id
FROM gen_talk t
CROSS JOIN LATERAL (SELECT n, (SELECT min(id) FROM gen_person) + floor(power(pg_temp.u(t.id * 2 + n, 14), 1.3) * (SELECT people FROM p))::int AS person_id
                    FROM generate_series(0, CASE WHEN pg_temp.u(t.id, 15) < 0.25 THEN 1 ELSE 0 END) n) s
JOIN gen_person gp ON gp.id = s.person_id
ORDER BY t.id, s.person_id, s.n;
INSERT INTO talk_speakers (talk_id, person_id, position, organization_id)
SELECT talk_id, person_id, row_number() OVER (PARTITION BY talk_id ORDER BY n) - 1, organization_id FROM gen_speaker;
INSERT INTO talk_organizations (talk_id, organization_id, position)
SELECT talk_id, organization_id, row_number() OVER (PARTITION BY talk_id ORDER BY n) - 1
FROM (SELECT DISTINCT ON (talk_id, organization_id) talk_id, organization_id, n FROM gen_speaker ORDER BY talk_id, organization_id, n) o;

-- The mentions: the k-th of a write-up goes to talk k mod talks, one bullet line each.
CREATE TEMP TABLE gen_mention ON COMMIT DROP AS
SELECT t.document_id, t.section_id, t.lang, t.start_line + 1 + i AS line, r.id AS technology_id,
       r.ids[c.pick] AS alias_id, r.texts[c.pick] AS matched,
       CASE WHEN t.lang = 'ja' THEN (ARRAY['- ', '- 社内では', '- ', '- 次は', '- '])[1 + c.key % 5] ELSE (ARRAY['- ', '- we moved to ', '- ', '- they run ', '- '])[1 + c.key % 5] END AS prefix,
       CASE WHEN t.lang = 'ja' THEN (ARRAY['を本番で使っている', 'を採用した', 'の話があった', 'を検証中とのこと', 'のバージョンアップで苦労した'])[1 + c.key / 5 % 5]
            ELSE (ARRAY[' in production', ' for everything now', ' came up in the Q&A', ', still evaluating', ' upgrade was painful'])[1 + c.key / 5 % 5] END AS suffix
FROM gen_talk t
CROSS JOIN generate_series(0, t.lines - 1) i
CROSS JOIN LATERAL (SELECT t.id::bigint * 256 + i AS key) k
CROSS JOIN LATERAL (SELECT least((SELECT max(rank) FROM ranked), floor(power((SELECT max(rank) FROM ranked) + 1, pg_temp.u(k.key, 16))))::int AS rank, k.key) z
JOIN ranked r ON r.rank = z.rank
CROSS JOIN LATERAL (SELECT z.key, CASE WHEN pg_temp.u(z.key, 17) < 0.8 THEN 1 ELSE 1 + floor(pg_temp.u(z.key, 18) * cardinality(r.ids))::int END AS pick) c;

-- The sections (an introduction, then a section per talk) and the documents, their content being those lines.
CREATE TEMP TABLE gen_line ON COMMIT DROP AS
SELECT document_id, 1 AS line, '# ' || CASE WHEN lang = 'ja' THEN event_name || '参加レポート' ELSE 'Notes from ' || event_name END AS text FROM gen_doc
UNION ALL SELECT document_id, 2, '' FROM gen_doc
UNION ALL SELECT document_id, start_line, '### ' || title FROM gen_talk
UNION ALL SELECT document_id, line, prefix || matched || suffix FROM gen_mention
UNION ALL SELECT document_id, start_line + lines + 1, CASE WHEN lang = 'ja' THEN '- 質疑応答も盛り上がった' ELSE '- good questions from the audience' END FROM gen_talk
UNION ALL SELECT document_id, start_line + lines + 2, '' FROM gen_talk;
INSERT INTO documents (id, slug, path, title, language, published_on, event_id, content)
SELECT d.document_id, 'writeup-' || d.e, 'writeups/writeup-' || d.e || '.md',
       CASE WHEN d.lang = 'ja' THEN d.event_name || '参加レポート' ELSE 'Notes from ' || d.event_name END, d.lang, d.day + 2, d.event_id, c.content
FROM gen_doc d
JOIN (SELECT document_id, string_agg(text, E'\n' ORDER BY line) AS content FROM gen_line GROUP BY document_id) c ON c.document_id = d.document_id;
INSERT INTO sections (id, document_id, slug, kind, heading, level, position, start_line, end_line, talk_id)
SELECT min(section_id) - 1, document_id, 'introduction', 'introduction',
       (SELECT title FROM documents x WHERE x.id = document_id), 1, 0, 1, 2, NULL FROM gen_talk GROUP BY document_id
UNION ALL
SELECT section_id, document_id, 'talk-' || (j + 1), 'talk', title, 3, j + 1, start_line, start_line + lines + 2, id FROM gen_talk;
INSERT INTO mentions (id, section_id, technology_id, alias_id, line, "column", matched_text, line_text)
SELECT (SELECT max(id) FROM mentions) + row_number() OVER (ORDER BY document_id, line), section_id, technology_id, alias_id, line, length(prefix) + 1, matched,
       prefix || matched || suffix
FROM gen_mention;

-- What the importer keeps: how often each technology is named.
UPDATE technologies t SET mention_count = c.n
FROM (SELECT technology_id, count(*)::int AS n FROM mentions GROUP BY technology_id) c
WHERE c.technology_id = t.id AND t.mention_count <> c.n;

-- The next write, by the importer or the benchmark, takes ids after these.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['technologies', 'technology_aliases', 'technology_definitions', 'organizations', 'people', 'events', 'documents', 'talks', 'sections', 'mentions'] LOOP
    IF pg_get_serial_sequence(t, 'id') IS NOT NULL THEN
      EXECUTE format('SELECT setval(%L, (SELECT max(id) FROM %I))', pg_get_serial_sequence(t, 'id'), t);
    END IF;
  END LOOP;
END $$;
COMMIT;
ANALYZE;
