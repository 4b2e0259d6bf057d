using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Api.Data.Migrations
{
    /// <summary>
    /// Two things PostgreSQL keeps true whoever writes (importer, mutations, a console):
    /// <c>search_texts</c>, every searchable text already NFKC-folded and lower-cased under one trigram index, so a
    /// search folds nothing per row; and a <c>catalog_changed</c> notice after every statement that changes catalog
    /// data, so every replica knows at once that its cached answers are stale.
    /// </summary>
    public partial class SearchTextsAndChangeNotices : Migration
    {
        /// <summary>The tables whose changes make cached answers stale (every catalog table but the API keys).</summary>
        public static readonly string[] CatalogTables =
        [
            "categories", "documents", "events", "mentions", "organizations", "people", "sections", "seed_state",
            "talk_organizations", "talk_speakers", "talks", "technologies", "technology_aliases", "technology_categories",
            "technology_definitions", "technology_organizations", "technology_relations",
        ];

        private static readonly string[] SearchSources = ["technology_aliases", "technology_definitions", "categories", "organizations", "talks"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE search_texts (
                    source text NOT NULL,          -- the table the text comes from
                    kind smallint NOT NULL,        -- 0 technology, 1 category, 2 organisation, 3 talk
                    item_id integer NOT NULL,
                    matched text NOT NULL,         -- as written
                    norm text NOT NULL,            -- lower(normalize(matched, NFKC))
                    lang text,
                    definition boolean NOT NULL
                );
                CREATE INDEX ix_search_texts_norm_trgm ON search_texts USING gin (norm gin_trgm_ops);
                CREATE INDEX ix_search_texts_source ON search_texts (source);

                -- Rebuilds the rows of one source table; run after each statement that changes it, inside the
                -- writer's transaction, so readers see the old rows until the write commits.
                CREATE FUNCTION search_texts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM search_texts WHERE source = TG_TABLE_NAME;
                    IF TG_TABLE_NAME = 'technology_aliases' THEN
                        INSERT INTO search_texts
                        SELECT 'technology_aliases', 0, a.technology_id, a.text, a.normalized, a.lang, false FROM technology_aliases a;
                    ELSIF TG_TABLE_NAME = 'technology_definitions' THEN
                        INSERT INTO search_texts
                        SELECT 'technology_definitions', 0, d.technology_id, d.short, lower(normalize(d.short, NFKC)), d.lang, true FROM technology_definitions d;
                    ELSIF TG_TABLE_NAME = 'categories' THEN
                        INSERT INTO search_texts
                        SELECT 'categories', 1, c.id, x.text, lower(normalize(x.text, NFKC)), x.lang, false
                        FROM categories c
                        CROSS JOIN LATERAL (SELECT c.name_en AS text, 'en' AS lang UNION ALL SELECT c.name_ja, 'ja' UNION ALL SELECT u, NULL FROM unnest(c.aliases) u) x;
                    ELSIF TG_TABLE_NAME = 'organizations' THEN
                        INSERT INTO search_texts
                        SELECT 'organizations', 2, o.id, x.text, lower(normalize(x.text, NFKC)), x.lang, false
                        FROM organizations o
                        CROSS JOIN LATERAL (SELECT o.name AS text, NULL AS lang UNION ALL SELECT o.name_ja, 'ja' WHERE o.name_ja IS NOT NULL UNION ALL SELECT u, NULL FROM unnest(o.aliases) u) x;
                    ELSIF TG_TABLE_NAME = 'talks' THEN
                        INSERT INTO search_texts
                        SELECT 'talks', 3, t.id, t.title, lower(normalize(t.title, NFKC)), NULL, false FROM talks t;
                    END IF;
                    RETURN NULL;
                END $$;

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
                    CREATE TRIGGER search_texts_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                        FOR EACH STATEMENT EXECUTE FUNCTION search_texts_refresh();
                    -- Fill from what is there now.
                    DELETE FROM {table} WHERE false;
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
            foreach (var table in SearchSources) migrationBuilder.Sql($"DROP TRIGGER search_texts_refresh ON {table};");
            migrationBuilder.Sql("DROP FUNCTION catalog_changed_notify(); DROP FUNCTION search_texts_refresh(); DROP TABLE search_texts;");
        }
    }
}
