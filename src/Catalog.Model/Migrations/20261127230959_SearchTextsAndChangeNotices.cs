using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <summary>
    /// Two things PostgreSQL keeps true whoever writes (importer, mutations, a console):
    /// <c>search_texts</c>, every searchable text already NFKC-folded and lower-cased under one trigram index, so a
    /// search folds nothing per row; and a <c>catalog_changed</c> notice after every statement that changes catalog
    /// data, so every replica knows at once that its cached answers are stale.
    /// </summary>
    public partial class SearchTextsAndChangeNotices : Migration
    {
        /// <summary>The tables whose changes make cached answers stale (every catalog table but the API keys; imported files too).</summary>
        public static readonly string[] CatalogTables =
        [
            "categories", "documents", "events", "imported_files", "mentions", "organizations", "people", "sections", "seed_state",
            "talk_organizations", "talk_speakers", "talks", "technologies", "technology_aliases", "technology_categories",
            "technology_definitions", "technology_organizations", "technology_relations",
        ];

        private static readonly string[] SearchSources = ["technology_aliases", "technology_definitions", "categories", "organizations", "talks"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_texts (
                    kind smallint NOT NULL,        -- 0 technology, 1 category, 2 organisation, 3 talk
                    item_id integer NOT NULL,
                    matched text NOT NULL,         -- as written
                    norm text NOT NULL,            -- lower(normalize(matched, NFKC))
                    lang text,
                    definition boolean NOT NULL
                );
                CREATE INDEX ix_search_texts_norm_trgm ON search_texts USING gin (norm gin_trgm_ops);

                -- Rebuilds the whole table once per writing transaction, at its commit (a deferred trigger that the
                -- first changed row fires; the rest see the transaction marked done), so an import of thousands of
                -- rows pays for one rebuild, and readers see the old rows until the write commits.
                CREATE FUNCTION search_texts_rebuild() RETURNS void LANGUAGE sql AS $$
                    DELETE FROM search_texts;
                    INSERT INTO search_texts
                    SELECT 0, a.technology_id, a.text, a.normalized, a.lang, false FROM technology_aliases a
                    UNION ALL
                    SELECT 0, d.technology_id, d.short, lower(normalize(d.short, NFKC)), d.lang, true FROM technology_definitions d
                    UNION ALL
                    SELECT 1, c.id, x.text, lower(normalize(x.text, NFKC)), x.lang, false
                    FROM categories c
                    CROSS JOIN LATERAL (SELECT c.name_en AS text, 'en' AS lang UNION ALL SELECT c.name_ja, 'ja' UNION ALL SELECT u, NULL FROM unnest(c.aliases) u) x
                    UNION ALL
                    SELECT 2, o.id, x.text, lower(normalize(x.text, NFKC)), x.lang, false
                    FROM organizations o
                    CROSS JOIN LATERAL (SELECT o.name AS text, NULL AS lang UNION ALL SELECT o.name_ja, 'ja' WHERE o.name_ja IS NOT NULL UNION ALL SELECT u, NULL FROM unnest(o.aliases) u) x
                    UNION ALL
                    SELECT 3, t.id, t.title, lower(normalize(t.title, NFKC)), NULL, false FROM talks t;
                $$;

                CREATE FUNCTION search_texts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('catalog.search_texts_rebuilt_in', true) IS DISTINCT FROM txid_current()::text THEN
                        PERFORM set_config('catalog.search_texts_rebuilt_in', txid_current()::text, true);
                        PERFORM search_texts_rebuild();
                    END IF;
                    RETURN NULL;
                END $$;

                SELECT search_texts_rebuild();

                -- Delivered to listeners when the transaction commits; many in one transaction arrive as one.
                CREATE FUNCTION catalog_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalog_changed', '');
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in SearchSources)
            {
                migrationBuilder.Sql($"""
                    CREATE CONSTRAINT TRIGGER search_texts_refresh AFTER INSERT OR UPDATE OR DELETE ON {table}
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_texts_refresh();
                    CREATE TRIGGER search_texts_refresh_truncate AFTER TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION search_texts_refresh();
                    """);
            }
            foreach (var table in CatalogTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER catalog_changed_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed_notify();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in CatalogTables) migrationBuilder.Sql($"DROP TRIGGER catalog_changed_notify ON {table};");
            foreach (var table in SearchSources) migrationBuilder.Sql($"DROP TRIGGER search_texts_refresh ON {table}; DROP TRIGGER search_texts_refresh_truncate ON {table};");
            migrationBuilder.Sql("DROP FUNCTION catalog_changed_notify(); DROP FUNCTION search_texts_refresh(); DROP FUNCTION search_texts_rebuild(); DROP TABLE search_texts;");
        }
    }
}
