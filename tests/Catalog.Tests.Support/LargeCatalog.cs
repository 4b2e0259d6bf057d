using Npgsql;

namespace Catalog.Tests.Widget;

/// <summary>
/// Grows a seeded test database, in place and in one transaction (one new catalog version), to 100 times the curated
/// seed, the size the widget's second budget is measured at; and names the technologies the CNCF landscape brings
/// into the seed with no definition, which the long demo post mentions.
/// </summary>
public static class LargeCatalog
{
    /// <summary>
    /// Technologies the seed knows only from the CNCF landscape (no definition; each links by its exact name), as
    /// imported from seed/landscape/landscape.yml, and named in <c>/demo/long</c>.
    /// </summary>
    public static readonly (string Slug, string Name, string Homepage, string Category)[] LandscapeOnly =
    [
        ("velero", "Velero", "https://velero.io", "Cloud Native Storage"),
        ("cloudnativepg", "CloudNativePG", "https://www.cloudnative-pg.io/", "Database"),
        ("opentofu", "OpenTofu", "https://opentofu.org/", "Automation & Configuration"),
        ("headlamp", "Headlamp", "https://headlamp.dev", "Observability"),
    ];

    /// <summary>A landscape-only name that is an ordinary word: written as a word, in lower case, it does not link.</summary>
    public const string OrdinaryWord = "Atlantis";

    /// <summary>
    /// The curated technologies (those with a definition) <paramref name="factor"/> times, with their aliases,
    /// definitions and categories, copied as tests/bench/scale.sql copies them (" xK" appended to names and aliases);
    /// the landscape's technologies stay as they are, once, and talks and mentions are not copied (they change nothing
    /// the widget downloads for a page). Returns the catalog version.
    /// </summary>
    public static Task<long> MultiplyCuratedTechnologiesAsync(string connectionString, int factor) =>
        InTransactionAsync(connectionString, async (connection, transaction) =>
        {
            await using var copy = new NpgsqlCommand(
                $$"""
                DO $$
                DECLARE
                  f  int := {{factor}};
                  mt int := (SELECT max(id) FROM technologies);
                  ma int := (SELECT max(id) FROM technology_aliases);
                  md int := (SELECT max(id) FROM technology_definitions);
                BEGIN
                  CREATE TEMP TABLE curated ON COMMIT DROP AS SELECT DISTINCT technology_id AS id FROM technology_definitions;
                  INSERT INTO technologies (id, slug, name, kind, homepage, repository, mention_count)
                    SELECT t.id + k * mt, t.slug || '-x' || k, t.name || ' x' || k, t.kind, t.homepage, t.repository, t.mention_count
                    FROM technologies t JOIN curated USING (id), generate_series(1, f - 1) k;
                  INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, lang, case_sensitive, match)
                    SELECT a.id + k * ma, a.technology_id + k * mt, a.text || ' x' || k, a.normalized || ' x' || k, a.kind, a.lang, a.case_sensitive, a.match
                    FROM technology_aliases a JOIN curated c ON c.id = a.technology_id, generate_series(1, f - 1) k;
                  INSERT INTO technology_definitions (id, technology_id, lang, short, long, source_url)
                    SELECT d.id + k * md, d.technology_id + k * mt, d.lang, d.short, d.long, d.source_url
                    FROM technology_definitions d, generate_series(1, f - 1) k;
                  INSERT INTO technology_categories (technology_id, category_id, position)
                    SELECT tc.technology_id + k * mt, tc.category_id, tc.position
                    FROM technology_categories tc JOIN curated c ON c.id = tc.technology_id, generate_series(1, f - 1) k;
                END $$;
                """, connection, transaction);
            await copy.ExecuteNonQueryAsync();
        });

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 300 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> InTransactionAsync(string connectionString, Func<NpgsqlConnection, NpgsqlTransaction, Task> change)
    {
        await using var connection = await OpenAsync(connectionString);
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await change(connection, transaction);
            await transaction.CommitAsync();
        }
        await using var version = new NpgsqlCommand("SELECT version FROM catalog_version", connection);
        return (long)(await version.ExecuteScalarAsync())!;
    }
}
