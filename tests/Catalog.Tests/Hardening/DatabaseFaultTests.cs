using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Catalog.Api.Data.LocalDatabase;
using Catalog.Api.Graph.Errors;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped under load and started again: requests fail fast with DATABASE_UNAVAILABLE, nothing hangs
/// or crashes, readiness follows the database, and answers come back within 5 s of the restart.
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    private const string Query = """{ technology(slug: "istio") { name talks { title } } }""";

    [Fact]
    public async Task The_service_fails_fast_while_postgresql_is_down_and_recovers_without_a_restart()
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
            Assert.Equal("Istio", (string?)(await Attack.PostAsync(client, Query)).Json!["data"]!["technology"]!["name"]);

            var results = new ConcurrentQueue<(TimeSpan At, Attack.Response Response)>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                // Each result is stamped with when its request was sent.
                while (!stop.IsCancellationRequested)
                {
                    var sent = clock.Elapsed;
                    results.Enqueue((sent, await Attack.PostAsync(client, Query)));
                }
            })).ToArray();

            await Task.Delay(500);
            server.Stop();
            var stopped = clock.Elapsed;
            await Task.Delay(3000);
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

            var restarting = clock.Elapsed;
            server = await LocalPostgresServer.StartAsync(root, preferredPort: port);
            var restarted = clock.Elapsed;
            TimeSpan? recovered = null;
            while (clock.Elapsed - restarted < TimeSpan.FromSeconds(10) && recovered is null)
            {
                await Task.Delay(100);
                if (results.Any(r => r.At > restarted && r.Response.Json?["errors"] is null))
                    recovered = results.Where(r => r.At > restarted && r.Response.Json?["errors"] is null).Min(r => r.At);
            }
            await stop.CancelAsync();
            await Task.WhenAll(load);

            var down = results.Where(r => r.At > stopped + TimeSpan.FromMilliseconds(500) && r.At + r.Response.Elapsed < restarting).Select(r => r.Response).ToList();
            Assert.NotEmpty(down);
            Assert.All(results, r => Assert.True((int)r.Response.Status < 500, $"{r.Response.Status} at {r.At}"));
            Assert.All(down, r =>
            {
                Assert.Equal(ErrorMasking.DatabaseUnavailable, r.Code);
                Assert.Equal(r.Message.Headers.GetValues(CorrelationExtensions.Header).Single(), (string?)r.Json!["errors"]![0]!["extensions"]!["correlationId"]);
                Assert.True(r.Elapsed < TimeSpan.FromSeconds(5), $"A request took {r.Elapsed} while the database was down.");
            });
            Assert.NotNull(recovered);
            Assert.True(recovered.Value - restarted < TimeSpan.FromSeconds(5), $"Recovered {recovered.Value - restarted} after the restart.");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
            output.WriteLine($"{down.Count} requests while down, slowest {down.Max(r => r.Elapsed).TotalMilliseconds:0} ms; recovered {(recovered.Value - restarted).TotalMilliseconds:0} ms after the restart");
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
