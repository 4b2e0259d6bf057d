-- Adds synthetic technologies shaped like the CNCF landscape's to a seeded catalog, in place (a test or bench
-- database only): what the widget's size budgets are measured against until the landscape itself is imported.
-- Each has a made-up name (about 14 characters on average, one to three words, as the landscape's names are),
-- linked by its exact name only (case-sensitive, as landscape-only technologies are) or, for one in ten, not linked
-- at all (an ordinary word), a slug for look-up, one category, a homepage under the reserved .example domain, and
-- no definition. Deterministic: the same count gives the same names. Names the catalog already has are skipped.
-- Usage: SET synthetic.count = 2400; then this file (psql: -c "SET synthetic.count = 2400" -f landscape-like.sql).
DO $$
DECLARE
  n  int := current_setting('synthetic.count')::int;
  mt int := (SELECT max(id) FROM technologies);
  ma int := (SELECT max(id) FROM technology_aliases);
  cats int[] := ARRAY(SELECT id FROM categories ORDER BY id);
  stem text[] := ARRAY['Kube','Cloud','Open','Flux','Data','Edge','Net','Stack','Grid','Sky','Port','Pod','Sail','Keel',
    'Vault','Trace','Log','Metric','Flow','Stream','Anchor','Beacon','Lantern','Signal','Quark','Nimbus','Cirrus','Strato',
    'Terra','Aqua','Hydro','Pyro','Cyber','Quantum','Nano','Micro','Hyper','Astro','Orbit','Nova','Pulse','Echo','Atlas',
    'Titan','Argon','Neon','Xenon','Cobalt','Copper','Iron','Granite','Basalt','Cedar','Maple','Willow','Aspen','Falcon',
    'Raven','Otter','Badger','Lynx','Puma','Gecko','Mantis','Hornet','Cricket','Tide','Reef','Delta','Fjord','Glacier',
    'Canyon','Mesa','Prairie','Tundra','Ember','Spark','Blaze','Frost','Storm','Thunder','Zephyr','Comet','Meteor',
    'Vector','Tensor','Matrix','Lambda','Sigma','Omega','Kappa','Zeta','Pixel','Byte','Bit','Octo','Hexa','Penta',
    'Juniper','Sequoia','Hemlock','Larch','Alder','Rowan','Hazel','Sorrel','Thistle','Clover','Yarrow','Fennel','Saffron',
    'Quill','Vellum','Cipher','Rune','Glyph','Sigil','Totem','Cairn','Dolmen','Menhir','Obelisk','Pylon','Spire','Turret',
    'Bastion','Citadel','Rampart','Parapet','Gable','Lintel','Corbel','Plinth','Zenith','Nadir','Apex','Vertex','Helix',
    'Vortex','Nexus','Plexus','Flux','Axon','Dendra','Synap','Cortex','Lumen','Candela','Lux','Photon','Boson','Muon'];
  tail text[] := ARRAY['ify','ly','io','hub','ops','flow','mesh','base','point','works','stack','craft','forge','gate',
    'yard','dock','ship','kit','lab','line','scope','sight','watch','guard','shield','wall','bridge','link','wire',
    'path','way','fleet','crew','bay','cast','ctl','let','er','ix','os','ra','on','ar','um','en','go','db','q',
    'ward','wise','field','fold','mark','ment','ness','port','shift','span','ster','tron','vue','zen','zilla','naut'];
  word text[] := ARRAY['Operator','Controller','Gateway','Registry','Engine','Platform','Cloud','Runtime','Proxy','Agent',
    'Server','Manager','Studio','Insights','Monitor','Analytics','Storage','Database','Mesh','Cluster','Edge','Pipeline',
    'Connect','Sync','Vault','Scanner','Policy','Portal','Identity','Secrets','Backup','Streams','Functions','Observability',
    'Security','Networking','Service','Kubernetes','Container','Serverless','Workflow','Automation','Delivery','Cache'];
  maker text[] := ARRAY['Acme','Globex','Initech','Umbrella','Hooli','Vandelay','Wonka','Tyrell','Cyberdyne','Soylent',
    'Aperture','Massive','Dynamic','Oceanic','Pied Piper','Stark','Wayne','Monarch','Gringotts','Nakatomi'];
  ns int := array_length(stem, 1);
  nt int := array_length(tail, 1);
  nw int := array_length(word, 1);
  nm int := array_length(maker, 1);
BEGIN
  CREATE TEMP TABLE synthetic_names ON COMMIT DROP AS
  WITH hashes AS (
    SELECT i, ('x' || substr(md5('landscape-' || i), 1, 15))::bit(60)::bigint AS h FROM generate_series(1, 2 * n) i
  ), named AS (
    SELECT i, h, (h >> 40) % 10 = 0 AS ordinary,
      CASE
        WHEN (h >> 50) % 100 < 20 THEN stem[1 + h % ns] || tail[1 + (h >> 8) % nt]
        WHEN (h >> 50) % 100 < 35 THEN stem[1 + h % ns] || CASE WHEN (h >> 44) % 2 = 0 THEN lower(stem[1 + (h >> 32) % ns]) ELSE stem[1 + (h >> 32) % ns] END
        WHEN (h >> 50) % 100 < 60 THEN stem[1 + h % ns] || tail[1 + (h >> 8) % nt] || ' ' || word[1 + (h >> 16) % nw]
        WHEN (h >> 50) % 100 < 75 THEN maker[1 + (h >> 24) % nm] || ' ' || stem[1 + h % ns] || tail[1 + (h >> 8) % nt]
        WHEN (h >> 50) % 100 < 85 THEN stem[1 + h % ns] || ' ' || word[1 + (h >> 16) % nw]
        WHEN (h >> 50) % 100 < 95 THEN maker[1 + (h >> 24) % nm] || ' ' || word[1 + (h >> 16) % nw] || ' ' || word[1 + (h >> 32) % nw]
        ELSE lower(stem[1 + h % ns] || tail[1 + (h >> 8) % nt])
      END AS name
    FROM hashes
  ), slugged AS (
    SELECT DISTINCT ON (slug) i, h, ordinary, name, slug
    FROM (SELECT *, trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')) AS slug FROM named) x
    ORDER BY slug, i
  )
  SELECT row_number() OVER (ORDER BY i)::int AS k, h, ordinary, name, slug
  FROM (
    SELECT * FROM slugged s
    WHERE NOT EXISTS (SELECT 1 FROM technology_aliases a WHERE a.normalized IN (lower(s.name), s.slug))
      AND NOT EXISTS (SELECT 1 FROM technologies t WHERE t.slug = s.slug)
    ORDER BY i LIMIT n
  ) kept;

  INSERT INTO technologies (id, slug, name, kind, homepage, mention_count)
    SELECT mt + k, slug, name, 'project', 'https://' || slug || '.example/', 0 FROM synthetic_names;
  INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, case_sensitive, match)
    SELECT ma + 2 * k - 1, mt + k, name, lower(name), 'name', true, NOT ordinary FROM synthetic_names;
  INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, case_sensitive, match)
    SELECT ma + 2 * k, mt + k, slug, slug, 'slug', false, false FROM synthetic_names WHERE slug <> lower(name);
  INSERT INTO technology_categories (technology_id, category_id, position)
    SELECT mt + k, cats[1 + h % array_length(cats, 1)], 0 FROM synthetic_names;
END $$;
