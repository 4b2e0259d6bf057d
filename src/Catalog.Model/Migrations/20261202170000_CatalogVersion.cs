using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalog.Model.Migrations
{
    /// <summary>
    /// <c>catalog_version</c>: one number that grows by one with every transaction that changes catalog data, kept by
    /// the trigger that already sends <c>catalog_changed</c>. A snapshot reads it in the same transaction as the rows,
    /// so every replica names the same catalog by the same version (the ETag base), and "has anything changed?" is a
    /// comparison.
    /// </summary>
    [DbContext(typeof(CatalogDbContext))]
    [Migration("20261202170000_CatalogVersion")]
    public partial class CatalogVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE catalog_version (
                    one boolean PRIMARY KEY DEFAULT true CHECK (one),
                    version bigint NOT NULL
                );
                INSERT INTO catalog_version (version) VALUES (1);

                -- Once per writing transaction (the first changed statement bumps it, the rest see it done), then the
                -- notice with the new version as its payload, which PostgreSQL delivers at commit (the same notice
                -- sent again in one transaction is delivered once), so a listener knows without a query whether it
                -- has that version already.
                CREATE OR REPLACE FUNCTION catalog_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    v bigint;
                BEGIN
                    IF current_setting('catalog.version_bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
                        PERFORM set_config('catalog.version_bumped_in', txid_current()::text, true);
                        UPDATE catalog_version SET version = version + 1;
                    END IF;
                    SELECT version INTO v FROM catalog_version;
                    PERFORM pg_notify('catalog_changed', v::text);
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION catalog_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('catalog_changed', '');
                    RETURN NULL;
                END $$;
                DROP TABLE catalog_version;
                """);
        }
    }
}
