using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Api.Data;

/// <summary>
/// Checks at start-up that the database answers and that its schema is not newer than this build, so a service
/// that cannot work stops at once with one clear line instead of failing every request.
/// </summary>
internal static partial class DatabaseStartupCheck
{
    /// <summary>Seconds to wait for the first connection (<c>Catalog:Database:ConnectTimeoutSeconds</c>).</summary>
    public const string ConnectTimeoutKey = "Catalog:Database:ConnectTimeoutSeconds";
    private const int DefaultConnectTimeoutSeconds = 5;

    public static async Task<bool> RunAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct = default)
    {
        await using var db = await services.CreateMigrationContextAsync(ct);
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var timeout = configuration.GetValue(ConnectTimeoutKey, DefaultConnectTimeoutSeconds);
        var probe = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Timeout = timeout, Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but the database is not there yet: migrating creates it, and it holds no schema to compare.
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            // Host, port, database and user only: never the password.
            Unreachable(logger, target.Host ?? "localhost", target.Port, target.Database ?? "", target.Username ?? "", timeout, Reason(e));
            return false;
        }

        // A database created but never migrated has no history table yet: nothing is applied, nothing is unknown.
        var applied = await db.Database.GetAppliedMigrationsAsync(ct);
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            SchemaTooNew(logger, target.Host ?? "localhost", target.Port, target.Database ?? "", string.Join(", ", unknown));
            return false;
        }
        return true;
    }

    private static string Reason(Exception e) => e switch
    {
        PostgresException p => $"{p.SqlState}: {p.MessageText}",
        _ when e.InnerException is { } inner => $"{e.Message} ({inner.Message})",
        _ => e.Message,
    };

    [LoggerMessage(EventId = 10, Level = LogLevel.Critical,
        Message = "Cannot reach the database {Database} at {Host}:{Port} as {User} within {TimeoutSeconds} s: {Reason}. Check ConnectionStrings__Catalog and that PostgreSQL is up; stopping.")]
    private static partial void Unreachable(ILogger logger, string host, int port, string database, string user, int timeoutSeconds, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Critical,
        Message = "The database {Database} at {Host}:{Port} has a schema newer than this build: migrations {Migrations} are applied there but unknown here. Deploy the build that applied them (or newer); stopping.")]
    private static partial void SchemaTooNew(ILogger logger, string host, int port, string database, string migrations);
}
