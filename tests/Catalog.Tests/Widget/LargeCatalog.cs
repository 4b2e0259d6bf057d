using Catalog.Tests.Infrastructure;
using Npgsql;

namespace Catalog.Tests.Widget;

/// <summary>
/// Grows a seeded test database, in place, to the sizes the widget is measured at, each change in one transaction
/// (one new catalog version): technologies shaped like the CNCF landscape's (<c>landscape-like.sql</c>: made-up
/// names, no definitions) until the landscape itself is imported, a few real landscape-only technologies, and the
/// seed's technologies copied as <c>tests/bench/scale.sql</c> copies them.
/// </summary>
public static class LargeCatalog
{
    private static readonly string[] TechnologyTables = ["technology_categories", "technology_aliases", "technology_definitions"];

    private static string Repository => Path.GetDirectoryName(Seeds.Repository)!;

    /// <summary>
    /// Technologies known only from the landscape (facts from https://landscape.cncf.io/: names, homepages, categories;
    /// none of them in the seed), linked by their exact name, with no definition.
    /// </summary>
    public static readonly (string Slug, string Name, string Homepage, string Category)[] LandscapeOnly =
    [
        ("velero", "Velero", "https://velero.io", "cloud-native-storage"),
        ("cloudnativepg", "CloudNativePG", "https://www.cloudnative-pg.io/", "database"),
        ("opentofu", "OpenTofu", "https://opentofu.org/", "automation-configuration"),
        ("headlamp", "Headlamp", "https://headlamp.dev", "observability"),
    ];

    /// <summary>The largest technology id of the catalog as it is now.</summary>
    public static async Task<int> MaxTechnologyIdAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("SELECT max(id) FROM technologies", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Adds <see cref="LandscapeOnly"/>; returns the catalog version.</summary>
    public static Task<long> AddLandscapeOnlyAsync(string connectionString) =>
        InTransactionAsync(connectionString, async (connection, transaction) =>
        {
            foreach (var (slug, name, homepage, category) in LandscapeOnly)
            {
                await using var add = new NpgsqlCommand(
                    """
                    WITH t AS (
                      INSERT INTO technologies (id, slug, name, kind, homepage, mention_count)
                      VALUES ((SELECT max(id) + 1 FROM technologies), $1, $2, 'project', $3, 0) RETURNING id)
                    , a AS (
                      INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, case_sensitive, match)
                      SELECT (SELECT max(id) + 1 FROM technology_aliases), id, $2, lower($2), 'name', true, true FROM t)
                    INSERT INTO technology_categories (technology_id, category_id, position)
                    SELECT t.id, c.id, 0 FROM t, categories c WHERE c.slug = $4
                    """, connection, transaction);
                foreach (var value in new[] { slug, name, homepage, category }) add.Parameters.Add(new NpgsqlParameter { Value = value });
                await add.ExecuteNonQueryAsync();
            }
        });

    /// <summary>Adds <paramref name="count"/> synthetic technologies (<c>landscape-like.sql</c>); returns the catalog version.</summary>
    public static async Task<long> AddLandscapeLikeAsync(string connectionString, int count)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(Repository, "tests", "Catalog.Tests", "Widget", "landscape-like.sql"));
        return await InTransactionAsync(connectionString, async (connection, transaction) =>
        {
            await using (var set = new NpgsqlCommand($"SET LOCAL synthetic.count = {count}", connection, transaction)) await set.ExecuteNonQueryAsync();
            await using var generate = new NpgsqlCommand(sql, connection, transaction);
            await generate.ExecuteNonQueryAsync();
        });
    }

    /// <summary>Removes every technology with an id above <paramref name="maxId"/>; returns the catalog version.</summary>
    public static Task<long> RemoveTechnologiesAboveAsync(string connectionString, int maxId) =>
        InTransactionAsync(connectionString, async (connection, transaction) =>
        {
            foreach (var table in TechnologyTables)
            {
                await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE technology_id > {maxId}", connection, transaction);
                await delete.ExecuteNonQueryAsync();
            }
            await using var technologies = new NpgsqlCommand($"DELETE FROM technologies WHERE id > {maxId}", connection, transaction);
            await technologies.ExecuteNonQueryAsync();
        });

    /// <summary>
    /// The catalog's technologies <paramref name="factor"/> times, with their aliases, definitions and categories, copied
    /// as tests/bench/scale.sql copies them (" xK" appended to names and aliases); talks and mentions are not copied
    /// (they change nothing the widget downloads for a page). Returns the catalog version.
    /// </summary>
    public static Task<long> MultiplyTechnologiesAsync(string connectionString, int factor) =>
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
                  INSERT INTO technologies (id, slug, name, kind, homepage, repository, mention_count)
                    SELECT t.id + k * mt, t.slug || '-x' || k, t.name || ' x' || k, t.kind, t.homepage, t.repository, t.mention_count
                    FROM technologies t, generate_series(1, f - 1) k;
                  INSERT INTO technology_aliases (id, technology_id, text, normalized, kind, lang, case_sensitive, match)
                    SELECT a.id + k * ma, a.technology_id + k * mt, a.text || ' x' || k, a.normalized || ' x' || k, a.kind, a.lang, a.case_sensitive, a.match
                    FROM technology_aliases a, generate_series(1, f - 1) k;
                  INSERT INTO technology_definitions (id, technology_id, lang, short, long, source_url)
                    SELECT d.id + k * md, d.technology_id + k * mt, d.lang, d.short, d.long, d.source_url
                    FROM technology_definitions d, generate_series(1, f - 1) k;
                  INSERT INTO technology_categories (technology_id, category_id, position)
                    SELECT c.technology_id + k * mt, c.category_id, c.position
                    FROM technology_categories c, generate_series(1, f - 1) k;
                END $$;
                """, connection, transaction);
            await copy.ExecuteNonQueryAsync();
        });

    /// <summary>A technology of the synthetic ones whose name links (<paramref name="linked"/>) or does not.</summary>
    public static async Task<string> SyntheticNameAsync(string connectionString, int aboveId, bool linked)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(
            "SELECT a.text FROM technology_aliases a WHERE a.technology_id > $1 AND a.kind = 'name' AND a.match = $2 AND a.text ~ '^[A-Z][a-z]+$' ORDER BY a.id LIMIT 1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = aboveId });
        command.Parameters.Add(new NpgsqlParameter { Value = linked });
        return (string)(await command.ExecuteScalarAsync())!;
    }

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
