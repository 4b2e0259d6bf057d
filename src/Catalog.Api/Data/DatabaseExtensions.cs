using Catalog.Api.Development;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Catalog.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>The name of the connection string: <c>ConnectionStrings:Catalog</c> (<c>ConnectionStrings__Catalog</c>).</summary>
    public const string ConnectionStringName = "Catalog";

    /// <summary>
    /// Binds the <c>Catalog</c> options and registers the catalog's DbContext on the <c>Catalog</c> connection string,
    /// the listener for catalog changes and the catalog version that caches key on. The connection string is
    /// configuration's (or the local PostgreSQL's: <see cref="LocalDatabaseExtensions.StartLocalDatabaseUnlessConfiguredAsync"/>).
    /// </summary>
    public static WebApplicationBuilder AddCatalogDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).PostConfigure<IHostEnvironment>((o, env) =>
        {
            if (string.IsNullOrWhiteSpace(o.SeedPath)) o.SeedPath = CatalogOptions.FindSeed(env.ContentRootPath);
        });

        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured
            ? WithServiceDefaults(configured)
            : throw new InvalidOperationException($"No connection string: set ConnectionStrings__{ConnectionStringName} to the PostgreSQL database.");
        builder.Services.AddPooledDbContextFactory<CatalogDbContext>(options => options.UseCatalogDatabase(connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext());
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
        await using var db = await services.CreateMigrationContextAsync(ct);
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
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({CatalogLock.Key})", gate) { CommandTimeout = (int)CatalogLock.Wait.TotalSeconds })
            await take.ExecuteNonQueryAsync(ct);
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CatalogLock.Key})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// A context for migrating and for reading which migrations are applied. EF Core reads the migrations history
    /// before it knows whether the table exists, and logs the failure on a database that has none yet (every first
    /// start) as an error: here a failed command logs at Debug. Exceptions still reach the caller; no other work uses
    /// this context.
    /// </summary>
    internal static async Task<CatalogDbContext> CreateMigrationContextAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        string connectionString;
        await using (var pooled = await services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(ct))
            connectionString = pooled.Database.GetConnectionString()!;
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        options.UseCatalogDatabase(connectionString)
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandError, LogLevel.Debug)));
        return new CatalogDbContext(options.Options);
    }
}
