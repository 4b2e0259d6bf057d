-- Grows the imported seed into a synthetic catalog :factor times its size, in place (run it on a copy of the
-- bench database): copy k of every technology, alias, definition, category link, talk, section, speaker and
-- organisation link and mention, with ids offset by k times the largest id and slugs/texts suffixed with k,
-- so the copies link among themselves exactly as the seed does. The curated technologies (those with a definition)
-- are copied; the CNCF landscape's other entries stay once, so "100x" is the curated catalog's growth, not 100
-- landscapes. Usage: psql -v factor=100 -f scale.sql
\set ON_ERROR_STOP 1
SET bench.factor = :factor;
DO $$
DECLARE
  f  int := current_setting('bench.factor')::int;
  mt int := (SELECT max(id) FROM technologies);
  ma int := (SELECT max(id) FROM technology_aliases);
  md int := (SELECT max(id) FROM technology_definitions);
  mk int := (SELECT max(id) FROM talks);
  ms int := (SELECT max(id) FROM sections);
  mm bigint := (SELECT max(id) FROM mentions);
  mp int := (SELECT max(position) FROM talks) + 1;
  mq int := (SELECT max(position) FROM sections) + 1;
BEGIN
  INSERT INTO technologies (id, slug, name, kind, homepage, repository, mention_count)
    SELECT t.id + k * mt, t.slug || '-x' || k, t.name || ' x' || k, t.kind, t.homepage, t.repository, t.mention_count
    FROM technologies t, generate_series(1, f - 1) k
    WHERE t.id IN (SELECT technology_id FROM technology_definitions);
  INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, lang, case_sensitive, match)
    SELECT a.id + k * ma, a.technology_id + k * mt, a.text || ' x' || k, a.normalized || ' x' || k, a.kind, a.lang, a.case_sensitive, a.match
    FROM technology_aliases a, generate_series(1, f - 1) k
    WHERE a.technology_id IN (SELECT technology_id FROM technology_definitions);
  INSERT INTO technology_definitions (id, technology_id, lang, short, long, source_url)
    SELECT d.id + k * md, d.technology_id + k * mt, d.lang, d.short, d.long, d.source_url
    FROM technology_definitions d, generate_series(1, f - 1) k;
  INSERT INTO technology_categories (technology_id, category_id, position)
    SELECT c.technology_id + k * mt, c.category_id, c.position
    FROM technology_categories c, generate_series(1, f - 1) k
    WHERE c.technology_id IN (SELECT technology_id FROM technology_definitions);
  INSERT INTO talks (id, slug, title, event_id, position)
    SELECT t.id + k * mk, t.slug || '-x' || k, t.title || ' x' || k, t.event_id, t.position + k * mp
    FROM talks t, generate_series(1, f - 1) k;
  INSERT INTO talk_speakers (talk_id, person_id, position, organization_id)
    SELECT s.talk_id + k * mk, s.person_id, s.position, s.organization_id FROM talk_speakers s, generate_series(1, f - 1) k;
  INSERT INTO talk_organizations (talk_id, organization_id, position)
    SELECT o.talk_id + k * mk, o.organization_id, o.position FROM talk_organizations o, generate_series(1, f - 1) k;
  INSERT INTO sections (id, document_id, slug, kind, heading, level, position, start_line, end_line, talk_id)
    SELECT s.id + k * ms, s.document_id, s.slug || '-x' || k, s.kind, s.heading, s.level, s.position + k * mq, s.start_line, s.end_line, s.talk_id + k * mk
    FROM sections s, generate_series(1, f - 1) k;
  INSERT INTO mentions (id, section_id, technology_id, alias_id, line, "column", matched_text, line_text)
    SELECT m.id + k * mm, m.section_id + k * ms, m.technology_id + k * mt, m.alias_id + k * ma, m.line, m."column", m.matched_text, m.line_text
    FROM mentions m, generate_series(1, f - 1) k;
END $$;
ANALYZE;
