using Catalog.Api.Data.LocalDatabase;
using Catalog.Api.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Api.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the catalog's DbContext on the <c>Catalog</c> connection string. When none is configured, starts
    /// (creating it the first time) a local PostgreSQL cluster and stops it when the application stops.
    /// </summary>
    public static WebApplicationBuilder AddCatalogDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section).PostConfigure<IHostEnvironment>((o, env) =>
        {
            if (string.IsNullOrWhiteSpace(o.SeedPath)) o.SeedPath = CatalogOptions.FindSeed(env.ContentRootPath);
        });

        var connectionString = builder.Configuration.GetConnectionString("Catalog");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
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

        connectionString = WithFailFastDefaults(connectionString);
        builder.Services.AddPooledDbContextFactory<CatalogDbContext>(options => options.UseCatalogDatabase(connectionString));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<CatalogImporter>();
        builder.Services.AddSingleton<Auth.ApiKeys>();
        return builder;
    }

    /// <summary>
    /// Short connect (3 s) and command (8 s) timeouts unless the connection string sets its own, so a database that
    /// is down or hung fails requests well within the request timeout (10 s) instead of piling them up.
    /// </summary>
    public static string WithFailFastDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout")) npgsql.Timeout = 3;
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout")) npgsql.CommandTimeout = 8;
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
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Migrates and imports the seed when the database does not hold it yet, unless turned off.</summary>
    public static async Task PrepareCatalogDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<CatalogOptions>>().Value;
        if (!options.ImportOnStart) return;
        await app.Services.MigrateCatalogDatabaseAsync();
        var result = await app.Services.GetRequiredService<CatalogImporter>().ImportAsync(options.SeedPath, onlyIfChanged: true);
        if (result.Changed) app.Logger.LogInformation("{Summary}", result.Summary());
    }
}
