using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Tests.Deploy;

/// <summary>
/// Replicas that start together on a new database (every replica with ImportOnStart, or a rollout racing the
/// import Job): EF Core's migration lock and the importer's advisory lock let exactly one of them do each step.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Two_instances_started_at_once_on_an_empty_database_migrate_once_import_once_and_both_serve()
    {
        var connectionString = await TestPostgres.CreateEmptyDatabaseAsync();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__SeedPath"] = Seeds.Repository,
            ["Catalog__ImportOnStart"] = "true",
            // Each migration applied is logged (and no SQL), so the two outputs say who applied what.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        };

        var starts = new[] { ServiceProcess.StartAsync(environment), ServiceProcess.StartAsync(environment) };
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully)) await (await start).DisposeAsync();
            throw;
        }
        var services = await Task.WhenAll(starts);
        foreach (var service in services)
        {
            await using (service)
            {
                using var response = await service.Client.GetAsync(new Uri(service.Address, "graphql?query=%7Btechnology(slug:%22k8s%22)%7Bslug%7D%7D"));
                Assert.Contains("\"kubernetes\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Equal(0, await service.StopAsync());
            }
        }
        var outputs = services.Select(s => s.Output).ToArray();

        // Both were ready (StartAsync waits for /health/ready) and answered. What is in the database?
        await using var db = TestPostgres.Context(connectionString);
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        var applied = await Query<string>(connectionString, "SELECT migration_id FROM __ef_migrations_history ORDER BY migration_id");
        Assert.Equal(migrations, applied);
        Assert.Equal(migrations.Count, outputs.Sum(o => Lines(o, "Applying migration '")));

        var seed = SeedLoader.Load(Seeds.Repository);
        Assert.Equal([seed.SeedHash], await Query<string>(connectionString, "SELECT seed_hash FROM seed_state"));
        Assert.Equal(1, outputs.Sum(o => Lines(o, "Imported seed ")));
        Assert.Equal(1, outputs.Sum(o => Lines(o, "The database already holds seed ")));
        var slugs = await Query<string>(connectionString, "SELECT slug FROM technologies");
        Assert.Equal(seed.Catalog.Technologies.Count, slugs.Count);
        Assert.Equal(slugs.Count, slugs.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Lines that say it: a JSON log line repeats its message in its state.</summary>
    private static int Lines(string output, string text) => output.Split('\n').Count(l => l.Contains(text, StringComparison.Ordinal));

    private static async Task<List<T>> Query<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }
}
