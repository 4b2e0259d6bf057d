using System.Collections.Concurrent;
using System.Net;
using Catalog.Api;
using Catalog.Api.Data.LocalDatabase;
using Catalog.Api.Graph.Errors;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Catalog.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped under load and started again: requests fail with DATABASE_UNAVAILABLE (never a timeout, a hang
/// or a crash), readiness follows the database, and answers come back after the restart without restarting the service.
/// </summary>
public sealed class DatabaseFaultTests(ITestOutputHelper output)
{
    private const string Query = """{ technology(slug: "istio") { name talks { title } } }""";

    /// <summary>How long each condition may take to come true on a busy machine: a bound on a hang, not a latency target.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

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

            // Load throughout; each result is tagged with the phase its request was sent in.
            var phase = new CurrentPhase();
            var results = new ConcurrentQueue<(Phase Sent, Attack.Response Response)>();
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var sent = phase.Now;
                    results.Enqueue((sent, await Attack.PostAsync(client, Query)));
                }
            })).ToArray();

            await WaitUntilAsync(() => results.Count(r => r.Sent == Phase.Up) >= 4, "requests answered before the stop");
            server.Stop();
            phase.Now = Phase.Down;
            await WaitUntilAsync(() => results.Count(r => r.Sent == Phase.Down && r.Response.Code == ErrorCodes.DatabaseUnavailable) >= 4,
                "DATABASE_UNAVAILABLE answers while the database is down");
            await WaitUntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "readiness to fail");

            phase.Now = Phase.Restarting;
            server = await LocalPostgresServer.StartAsync(root, preferredPort: port);
            phase.Now = Phase.Restarted;
            await WaitUntilAsync(() => results.Any(r => r.Sent == Phase.Restarted && r.Response.Json?["errors"] is null), "an answer after the restart");
            await WaitUntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "readiness to recover");
            await stop.CancelAsync();
            await Task.WhenAll(load);

            // Whatever was sent while the database was down failed as unavailable, each with its correlation id: no
            // timeout (which would mean requests piled up), no 5xx, no other error.
            var down = results.Where(r => r.Sent == Phase.Down).Select(r => r.Response).Where(r => r.Json?["errors"] is not null).ToList();
            Assert.NotEmpty(down);
            Assert.All(results, r => Assert.True((int)r.Response.Status < 500, $"{r.Response.Status} sent while {r.Sent}"));
            Assert.All(down, r =>
            {
                Assert.Equal(ErrorCodes.DatabaseUnavailable, r.Code);
                Assert.Equal(r.Message.Headers.GetValues(CorrelationExtensions.Header).Single(), (string?)r.Json!["errors"]![0]!["extensions"]!["correlationId"]);
            });
            output.WriteLine($"{down.Count} requests failed while the database was down, slowest {down.Max(r => r.Elapsed).TotalMilliseconds:0} ms");
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

    private enum Phase { Up, Down, Restarting, Restarted }

    private sealed class CurrentPhase
    {
        public volatile Phase Now = Phase.Up;
    }

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {what} within {Deadline.TotalSeconds:0} s.");
            await Task.Delay(50);
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
