using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Api.Data;

/// <summary>
/// Knows when the catalog changed: listens to the <c>catalog_changed</c> notices that PostgreSQL's triggers send
/// after every committed write (whichever replica or tool wrote), and counts a revision. Answers cached under an
/// older revision are stale. While the listening connection is down the revision is unknown and nothing may be
/// cached; reconnecting starts a new revision, since a change may have been missed meanwhile.
/// </summary>
public sealed partial class CatalogChanges(IDbContextFactory<CatalogDbContext> contexts, ILogger<CatalogChanges> logger) : BackgroundService
{
    public const string Channel = "catalog_changed";

    private long _revision;
    private volatile bool _listening;

    /// <summary>The current revision, or null when changes cannot be seen (the listener is reconnecting).</summary>
    public long? Revision => _listening ? Interlocked.Read(ref _revision) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            // One long-lived connection of its own (a pooled one would be handed to others with LISTEN still on), to
            // the primary when several hosts are given: a standby can neither LISTEN nor see the notices.
            var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false, KeepAlive = 30 };
            if (builder.Host?.Contains(',', StringComparison.Ordinal) == true) builder.TargetSessionAttributes = "primary";
            connectionString = builder.ConnectionString;
        }
        var delay = TimeSpan.FromMilliseconds(250);
        var warned = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => Advance();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Advance();
                _listening = true;
                warned = false;
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (a refused connection, a standby, a pooler without LISTEN), the service goes on
                // without the cache and keeps trying: this must never stop the host.
                if (!warned) LogLost(e.Message);
                warned = true;
                _listening = false;
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private void Advance() => Interlocked.Increment(ref _revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot listen for catalog_changed ({Reason}); GET answers are not cached until it can (retrying).")]
    private partial void LogLost(string reason);
}
