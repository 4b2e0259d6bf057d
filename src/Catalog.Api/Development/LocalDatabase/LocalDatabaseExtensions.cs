using Catalog.Api.Data;
using Npgsql;

namespace Catalog.Api.Development;

public static class LocalDatabaseExtensions
{
    /// <summary>
    /// With no <c>Catalog</c> connection string, starts (creating it the first time) a PostgreSQL cluster of Catalog's
    /// own before the host is built and points the connection string at it; it stops once the host has stopped.
    /// Not in a container (the official .NET images set <c>DOTNET_RUNNING_IN_CONTAINER</c>): there the cluster would
    /// live on a throwaway, usually read-only, file system, so a missing connection string is an error.
    /// </summary>
    public static async Task StartLocalDatabaseUnlessConfiguredAsync(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName) is { Length: > 0 }) return;
        if (builder.Configuration.GetValue<bool>("DOTNET_RUNNING_IN_CONTAINER"))
            throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings__{DatabaseExtensions.ConnectionStringName} to the PostgreSQL database " +
                "(in a container Catalog starts no PostgreSQL of its own).");
        var root = builder.Configuration[$"{CatalogOptions.Section}:{nameof(CatalogOptions.LocalDatabasePath)}"] is { Length: > 0 } configured
            ? configured
            : LocalPostgresServer.DefaultRoot();
        var server = await LocalPostgresServer.StartAsync(root);
        await server.EnsureDatabaseAsync("catalog");
        var state = server.StartedHere ? "started" : server.Owned ? "already running, left by a process that ended: taken over" : "already running";
        // On stderr, as logs are: a command's stdout holds its answer alone.
        Console.Error.WriteLine($"Local PostgreSQL on 127.0.0.1:{server.Port} ({state}; data in {server.Root}).");
        builder.Configuration[$"ConnectionStrings:{DatabaseExtensions.ConnectionStringName}"] =
            new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "catalog" }.ConnectionString;
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
    }
}
