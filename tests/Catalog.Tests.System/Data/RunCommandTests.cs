using Catalog.Tests.Infrastructure;
using Npgsql;

namespace Catalog.Tests.Data;

/// <summary>The README's run command, with no configuration: a local PostgreSQL of its own, migrated and seeded.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task With_no_connection_string_the_service_runs_its_own_postgres_imports_the_seed_and_stops_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "catalog-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            int technologies;
            await using (var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
            {
                ["ConnectionStrings__Catalog"] = null,
                ["Catalog__LocalDatabasePath"] = root,
            }))
            {
                Assert.True(File.Exists(Path.Combine(root, "data", "postmaster.pid")));
                var password = (await File.ReadAllTextAsync(Path.Combine(root, "password"))).Trim();
                var port = int.Parse(File.ReadAllLines(Path.Combine(root, "data", "postmaster.pid"))[3], System.Globalization.CultureInfo.InvariantCulture);
                await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=catalog;Password={password};Database=catalog;Pooling=false"))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand("SELECT count(*) FROM technologies", connection);
                    technologies = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
                }

                Assert.Equal(0, await service.StopAsync());
                Assert.Contains("Local PostgreSQL on 127.0.0.1", service.Output, StringComparison.Ordinal);
            }

            Assert.True(technologies >= 100, $"{technologies} technologies imported");
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "the service stops the PostgreSQL it started");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
