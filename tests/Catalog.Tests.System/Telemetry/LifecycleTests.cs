using System.Net;
using System.Net.Sockets;
using Catalog.Api.Development;
using Catalog.Tests.Infrastructure;
using Npgsql;

namespace Catalog.Tests.Telemetry;

/// <summary>The service as a process: a graceful stop with a request in flight, and start-ups that must fail fast.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task On_SIGTERM_a_request_in_flight_completes_new_ones_are_refused_and_only_then_the_local_postgres_stops()
    {
        var root = Path.Combine(Path.GetTempPath(), $"catalog-lifecycle-{Guid.NewGuid():N}");
        try
        {
            await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string?>
            {
                ["ConnectionStrings__Catalog"] = null,
                ["Catalog__LocalDatabasePath"] = root,
                ["Catalog__SeedPath"] = Seeds.Repository,
                ["DOTNET_SHUTDOWNTIMEOUTSECONDS"] = "20",
            }, TimeSpan.FromMinutes(3));

            // Keep a request in flight: an API key is checked in api_keys, which the test locks on the service's own
            // PostgreSQL (found, and left running, through the same folder) until the service is stopping.
            var cluster = await LocalPostgresServer.StartAsync(root);
            await using var locker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "catalog", Pooling = false }.ConnectionString);
            await locker.OpenAsync();
            var hold = await locker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE api_keys IN ACCESS EXCLUSIVE MODE", locker, hold))
                await lockTable.ExecuteNonQueryAsync();
            using var keyed = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address, "graphql?query=%7B__typename%7D"));
            keyed.Headers.Add("X-Api-Key", "cat_in-flight");
            var inFlight = service.Client.SendAsync(keyed);
            await WaitForLockWaitAsync(locker);

            var stopped = service.StopAsync();
            await WaitForAsync(service, "Application is shutting down");
            // A new connection while the request drains is refused: the listener is closed first.
            using (var late = new HttpClient { Timeout = TimeSpan.FromSeconds(5) })
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => late.GetAsync(new Uri(service.Address, "health/live")));

            await hold.RollbackAsync();
            using var response = await inFlight;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, await stopped);

            var output = service.Output;
            var shuttingDown = output.IndexOf("Application is shutting down", StringComparison.Ordinal);
            var finished = output.IndexOf("GET /graphql 200 in ", StringComparison.Ordinal);
            var postgresStops = output.IndexOf("Stopping the local PostgreSQL", StringComparison.Ordinal);
            Assert.True(shuttingDown >= 0 && finished > shuttingDown && postgresStops > finished, output);
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_at_once_with_one_clear_line_and_no_password()
    {
        var port = FreePort();
        const string password = "s3cret-never-logged";
        await using var service = ServiceProcess.Launch(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = $"Host=127.0.0.1;Port={port};Database=nowhere;Username=someone;Password={password}",
            ["Catalog__Database__ConnectTimeoutSeconds"] = "2",
        });
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"Cannot reach the database nowhere at 127.0.0.1:{port} as someone", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_schema_newer_than_the_code_stops_the_start_before_migrating()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        const string future = "29990101000000_FromTheFuture";
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ('{future}', '10.0.0')", connection);
            await insert.ExecuteNonQueryAsync();
        }
        await using var service = ServiceProcess.Launch(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Catalog"] = connectionString,
            ["Catalog__SeedPath"] = Seeds.Repository,
        });
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("has a schema newer than this build", service.Output, StringComparison.Ordinal);
        Assert.Contains(future, service.Output, StringComparison.Ordinal);
        // Nothing was imported: the check ran before the migrations and the import.
        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM seed_state", check);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>Waits until some session of the database waits for a lock the test holds.</summary>
    private static async Task WaitForLockWaitAsync(NpgsqlConnection locker)
    {
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()", locker);
        for (var i = 0; i < 600 && (long)(await waiting.ExecuteScalarAsync())! == 0; i++) await Task.Delay(50);
        Assert.True((long)(await waiting.ExecuteScalarAsync())! > 0, "No request waited for the lock.");
    }

    private static async Task WaitForAsync(ServiceProcess service, string text)
    {
        for (var i = 0; i < 300 && !service.Output.Contains(text, StringComparison.Ordinal); i++) await Task.Delay(50);
        Assert.True(service.Output.Contains(text, StringComparison.Ordinal), $"No \"{text}\" in:\n{service.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
