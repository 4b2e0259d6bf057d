using System.Net;
using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Api.Auth;
using Catalog.Api.Development;
using Catalog.Api.Snapshot;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped and started again under a running service: reads go on from the last snapshot, writes are
/// refused with DATABASE_UNAVAILABLE, readiness stays up and says the snapshot may be stale; once PostgreSQL is back,
/// a change made while the service could not hear it arrives without a restart.
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    private const string Read = """{ technology(slug: "istio") { name homepage talks { title speakers { name } } } glossary(lang: JA) { slug } }""";

    [Fact]
    public async Task Reads_survive_postgresql_going_away_and_catch_up_when_it_returns()
    {
        var root = Path.Combine(Path.GetTempPath(), "catalog-fault-" + Guid.NewGuid().ToString("N"));
        var server = await LocalPostgresServer.StartAsync(root);
        var port = server.Port;
        try
        {
            await server.EnsureDatabaseAsync("catalog");
            var connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "catalog" }.ConnectionString;
            await using var service = new Service(connectionString);
            var client = service.CreateClient();
            var snapshots = service.Services.GetRequiredService<CatalogSnapshots>();
            await Until(() => snapshots.IsListening, "the service to listen");
            var key = await service.Services.GetRequiredService<ApiKeys>().CreateAsync("fault-tests");
            var before = await Attack.PostAsync(client, Read);
            Assert.Null(before.Json!["errors"]);

            server.Stop();
            await Until(() => !snapshots.IsListening, "the service to notice the database is gone");

            // Reads: the same answer as before, from the snapshot.
            var during = await Attack.PostAsync(client, Read);
            Assert.Null(during.Json!["errors"]);
            Assert.Equal(before.Json["data"]!.ToJsonString(), during.Json["data"]!.ToJsonString());

            // Writes: refused, fast, with the code that says why.
            var write = await Attack.PostAsync(client, """mutation { addTechnologyAlias(input: { technology: "istio", alias: "isutio-down", kind: NOTES_SPELLING }) { slug } }""",
                headers: [("Authorization", "Bearer " + key)]);
            Assert.Equal(ErrorCodes.DatabaseUnavailable, write.Code);
            Assert.True(write.Elapsed < TimeSpan.FromSeconds(5), $"A write took {write.Elapsed} while the database was down.");

            // Readiness: still serving, and saying the snapshot may be stale.
            using (var ready = await client.GetAsync("/health/ready"))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
                Assert.Equal("Degraded", (string?)report["status"]);
                Assert.False((bool)report["data"]!["listening"]!);
                Assert.NotNull(report["data"]!["staleSeconds"]);
            }

            // Back: a change committed by another client right away, whether or not the service listens yet, arrives.
            server = await LocalPostgresServer.StartAsync(root, preferredPort: port);
            var homepage = "https://istio.example/" + Guid.NewGuid().ToString("N");
            await using (var console = new NpgsqlConnection(connectionString))
            {
                await console.OpenAsync();
                await using var update = new NpgsqlCommand("UPDATE technologies SET homepage = @h WHERE slug = 'istio'", console);
                update.Parameters.AddWithValue("h", homepage);
                Assert.Equal(1, await update.ExecuteNonQueryAsync());
            }
            var seen = false;
            await Until(async () => seen = (string?)(await Attack.PostAsync(client, Read)).Json?["data"]?["technology"]?["homepage"] == homepage,
                "the change made while the service was not listening to arrive");
            Assert.True(seen);
            using (var ready = await client.GetAsync("/health/ready"))
                Assert.Equal("Healthy", (string?)JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["status"]);
            output.WriteLine($"Served version {snapshots.Current!.Version} after the restart.");
        }
        finally
        {
            server.Stop();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); !await condition(); await Task.Delay(50))
            Assert.True(DateTime.UtcNow < deadline, $"Waited 20 s for {what}.");
    }

    private sealed class Service(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Catalog", connectionString);
            builder.UseSetting("Catalog:SeedPath", Seeds.Repository);
            builder.UseSetting("Catalog:Limits:RateLimitPermits", "0");
        }
    }
}
