using Catalog.Api.Data;
using Catalog.Api.Development;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Catalog.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server of a test run, found in this order: a connection string in
/// <c>CATALOG_TEST_POSTGRES</c>; a Testcontainers container where a Docker engine answers; a throwaway cluster
/// made from the machine's PostgreSQL binaries. Each test class asks it for a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);
    private static int _databases;

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Shared.Value;
        var name = $"catalog_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{server.Template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A new database with nothing in it (not even the migrations); returns its connection string.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = await Shared.Value;
        var name = $"catalog_empty_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The admin connection string of the server (for tests that stop and start nothing).</summary>
    public static async Task<string> AdminConnectionStringAsync() => (await Shared.Value).AdminConnectionString;

    public static CatalogDbContext Context(string connectionString) =>
        new((DbContextOptions<CatalogDbContext>)new DbContextOptionsBuilder<CatalogDbContext>().UseCatalogDatabase(connectionString).Options);

    public static IDbContextFactory<CatalogDbContext> Factory(string connectionString) => new ContextFactory(connectionString);

    private sealed class ContextFactory(string connectionString) : IDbContextFactory<CatalogDbContext>
    {
        public CatalogDbContext CreateDbContext() => Context(connectionString);
    }

    private sealed record Server(string AdminConnectionString, string Template);

    private static async Task<Server> StartAsync()
    {
        var admin = Environment.GetEnvironmentVariable("CATALOG_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : await StartContainerAsync() ?? await StartLocalClusterAsync();

        // Migrate once into a template; every test database is a cheap copy of it.
        var template = $"catalog_template_{Environment.ProcessId}";
        await using (var db = Context(new NpgsqlConnectionStringBuilder(admin) { Database = template }.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
        return new Server(admin, template);
    }

    private static async Task<string?> StartContainerAsync()
    {
        if (!File.Exists("/var/run/docker.sock") && Environment.GetEnvironmentVariable("DOCKER_HOST") is null) return null;
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await container.StartAsync(timeout.Token);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Console.Error.WriteLine($"No Docker engine for Testcontainers ({e.GetType().Name}); using the local PostgreSQL binaries.");
            return null;
        }
    }

    private static async Task<string> StartLocalClusterAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"catalog-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            // Every test class hosts a service with its own pool, and idle pooled connections outlive their class by minutes.
            var server = await LocalPostgresServer.StartAsync(root, maxConnections: 400);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                server.Stop();
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            return server.ConnectionString;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "The tests need PostgreSQL: set CATALOG_TEST_POSTGRES to a server's connection string, run a Docker engine, " +
                "or install PostgreSQL's server binaries (Debian: apt-get install postgresql). " + e.Message, e);
        }
    }
}
