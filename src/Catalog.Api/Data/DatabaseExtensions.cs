using Catalog.Api.Data.LocalDatabase;
using Catalog.Api.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>The name of the connection string: <c>ConnectionStrings:Catalog</c> (<c>ConnectionStrings__Catalog</c>).</summary>
    public const string ConnectionStringName = "Catalog";

    /// <summary>
    /// Registers the catalog's DbContext on the <c>Catalog</c> connection string. When none is configured, starts
    /// (creating it the first time) a local PostgreSQL cluster and stops it when the application stops; except in a
    /// container (the official .NET images set <c>DOTNET_RUNNING_IN_CONTAINER</c>), where that cluster would live
    /// on a throwaway, usually read-only, file system: there a missing connection string is an error.
    /// </summary>
    public static WebApplicationBuilder AddCatalogDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).PostConfigure<IHostEnvironment>((o, env) =>
        {
            if (string.IsNullOrWhiteSpace(o.SeedPath)) o.SeedPath = CatalogOptions.FindSeed(env.ContentRootPath);
        });

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (builder.Configuration.GetValue<bool>("DOTNET_RUNNING_IN_CONTAINER"))
                throw new InvalidOperationException(
                    $"No connection string: set ConnectionStrings__{ConnectionStringName} to the PostgreSQL database " +
                    "(in a container Catalog starts no PostgreSQL of its own).");
            var root = builder.Configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.LocalDatabasePath)}"] is { Length: > 0 } configured
                ? configured
                : LocalPostgresServer.DefaultRoot();
            var server = LocalPostgresServer.StartAsync(root).GetAwaiter().GetResult();
            server.EnsureDatabaseAsync("catalog").GetAwaiter().GetResult();
            Console.WriteLine($"Local PostgreSQL on 127.0.0.1:{server.Port} ({(server.StartedHere ? "started" : "already running")}; data in {server.Root}).");
            connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "catalog" }.ConnectionString;
            builder.Services.AddSingleton(server);
            builder.Services.AddHostedService<LocalPostgresLifetime>();
        }

        connectionString = WithServiceDefaults(connectionString);
        builder.Services.AddPooledDbContextFactory<CatalogDbContext>(options => options.UseCatalogDatabase(connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<CatalogImporter>();
        builder.Services.AddSingleton<Auth.ApiKeys>();
        return builder;
    }

    /// <summary>
    /// Short connect (3 s) and command (8 s) timeouts unless the connection string sets its own, so a database that
    /// is down or hung fails requests well within the request timeout (10 s) instead of piling them up; and
    /// automatic preparation of the statements that repeat.
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout")) npgsql.Timeout = 3;
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout")) npgsql.CommandTimeout = 8;
        // The same few dozen statements run all day: prepared once per connection, PostgreSQL stops planning them.
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) npgsql.MaxAutoPrepare = 64;
        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages")) npgsql.AutoPrepareMinUsages = 2;
        // Catalog never changes session state, so a pooled connection needs no reset (which would also drop the
        // prepared statements) when it is returned.
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) npgsql.NoResetOnClose = true;
        return npgsql.ConnectionString;
    }

    /// <summary>The one way Catalog talks to PostgreSQL: snake_case names, and its own migrations history table.</summary>
    public static DbContextOptionsBuilder UseCatalogDatabase(this DbContextOptionsBuilder options, string connectionString) => options
        .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
        .UseSnakeCaseNamingConvention();

    /// <summary>Creates the database if needed and applies pending migrations (EF Core serialises concurrent runs).</summary>
    public static async Task MigrateCatalogDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ct);
        // EF Core's own migration lock does not cover every migration (an extension created mid-way lets a second
        // instance in), so replicas starting together take the catalog's advisory lock for the whole run.
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        try
        {
            await gate.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await db.Database.MigrateAsync(ct); // No database yet: EF Core creates it.
            return;
        }
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({CatalogWriter.LockKey})", gate) { CommandTimeout = (int)CatalogWriter.LockWait.TotalSeconds })
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CatalogWriter.LockKey})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Checks that the database answers and is not newer than this build (false, after one critical log line, when
    /// not), then migrates and imports the seed when the database does not hold it yet, unless turned off.
    /// </summary>
    public static async Task<bool> PrepareCatalogDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Catalog.Startup");
        if (!await DatabaseStartupCheck.RunAsync(app.Services, app.Configuration, logger)) return false;
        var options = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        if (!options.ImportOnStart) return true;
        await app.Services.MigrateCatalogDatabaseAsync();
        var result = await app.Services.GetRequiredService<CatalogImporter>().ImportAsync(options.SeedPath, onlyIfChanged: true);
        if (result.Changed) app.Logger.LogInformation("{Summary}", result.Summary());
        return true;
    }
}
