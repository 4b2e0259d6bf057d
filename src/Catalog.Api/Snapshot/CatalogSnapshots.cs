using System.Threading.Channels;
using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Api.Snapshot;

/// <summary>
/// Holds this replica's current <see cref="CatalogSnapshot"/> and keeps it current: builds it at start, listens to
/// the <c>catalog_changed</c> notices that PostgreSQL's triggers send after every committed write (whichever replica
/// or tool wrote), and rebuilds after each burst of them, swapping the new snapshot in whole. While PostgreSQL is
/// away the last snapshot goes on serving; when the listener is back, a rebuild catches up with what was missed.
/// </summary>
public sealed partial class CatalogSnapshots(
    IDbContextFactory<CatalogDbContext> contexts, TimeProvider time, ILogger<CatalogSnapshots> logger) : BackgroundService, Data.ICatalogVersion
{
    public const string Channel = "catalog_changed";

    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _building = new(1, 1);

    // At most one rebuild waits: notices that arrive while one is pending or running fold into it.
    private readonly Channel<bool> _changed = System.Threading.Channels.Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private volatile CatalogSnapshot? _current;
    private volatile bool _listening;
    private long _confirmedAtTicks;
    private long _failedAtTicks;
    private long _wanted;

    /// <summary>The version of the snapshot served now: answers are kept under it (the response cache, ETags).</summary>
    long? Data.ICatalogVersion.Current => _current?.Version;

    /// <summary>The snapshot requests read now; null until the first one is built.</summary>
    public CatalogSnapshot? Current => _current;

    /// <summary>
    /// True while changes are heard as they commit (and the snapshot caught up with any made before); false while the
    /// database or the listener is away.
    /// </summary>
    public bool IsListening => _listening;

    /// <summary>When the current snapshot was last known to be the database's latest state.</summary>
    public DateTimeOffset? ConfirmedAt => Interlocked.Read(ref _confirmedAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// When a build last failed, if none has succeeded since: the snapshot served may then be behind the database
    /// (a build that does not fit in memory, a table it cannot read) while the listener hears every change.
    /// </summary>
    public DateTimeOffset? FailedAt => Interlocked.Read(ref _failedAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>How long a request waits for the first snapshot of a service that has just started.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The snapshot to serve, waiting (up to <see cref="FirstWait"/>, then <see cref="TimeoutException"/>) for the first
    /// build when the service has just started.
    /// </summary>
    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (_current is { } current) return current;
        await _first.Task.WaitAsync(FirstWait, time, ct).ConfigureAwait(false);
        return _current!;
    }

    /// <summary>
    /// Builds a snapshot now unless the current one already shows the database's latest version, and returns it:
    /// a write's answer reads the state that write committed.
    /// </summary>
    public async Task<CatalogSnapshot> RefreshAsync(CancellationToken ct)
    {
        await _building.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
            if (_current is { } current && await CatalogSnapshotReader.ReadVersionAsync(db, ct).ConfigureAwait(false) <= current.Version)
            {
                Confirm();
                return current;
            }
            var started = time.GetTimestamp();
            using var activity = Telemetry.CatalogTelemetry.StartSnapshotBuild();
            var (version, imported, rows) = await CatalogSnapshotReader.ReadAsync(db, _current, ct).ConfigureAwait(false);
            var read = time.GetElapsedTime(started);
            var snapshot = new CatalogSnapshot(version, time.GetUtcNow(), imported, rows);
            activity?.SetTag("catalog.version", snapshot.Version);
            _current = snapshot;
            Confirm();
            _first.TrySetResult();
            _ = GiveBackMemoryAsync();
            LogBuilt(snapshot.Version, snapshot.Technologies.Count, snapshot.Mentions.Count, (long)time.GetElapsedTime(started).TotalMilliseconds, (long)read.TotalMilliseconds);
            return snapshot;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            Interlocked.Exchange(ref _failedAtTicks, time.GetUtcNow().UtcTicks);
            throw;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>
    /// Starts the first build now, on the thread pool, so that it runs while the rest of the host starts rather than
    /// after it. A failure is only logged: the listener builds again as soon as it connects.
    /// </summary>
    public void StartFirstBuild(CancellationToken stopping) => _ = Task.Run(async () =>
    {
        try
        {
            await RefreshAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (!stopping.IsCancellationRequested) LogBuildFailed(e.Message);
        }
    }, CancellationToken.None);

    /// <summary>How long after a build the memory it left behind is given back: requests that held the replaced snapshot are done by then.</summary>
    public static readonly TimeSpan GiveBackDelay = TimeSpan.FromSeconds(2);

    // A build leaves garbage the size of the catalog (the rows as read, the index builders' temporaries, the
    // replaced snapshot once its requests end), and the collector would keep that memory for later allocations, so
    // a replica's memory would grow with each rebuild up to several snapshots' worth. One compacting collection
    // shortly after each build gives it back, at the cost of one full, blocking collection per change (seconds on a
    // heap of gigabytes).
    private async Task GiveBackMemoryAsync()
    {
        await Task.Delay(GiveBackDelay, time).ConfigureAwait(false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), RebuildAsync(stoppingToken));

    private void Confirm()
    {
        Interlocked.Exchange(ref _confirmedAtTicks, time.GetUtcNow().UtcTicks);
        Interlocked.Exchange(ref _failedAtTicks, 0);
    }

    private void Changed() => _changed.Writer.TryWrite(true);

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    private static readonly TimeSpan LongestRetryUnserved = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(1);

    private async Task RebuildAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        await foreach (var _ in _changed.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var built = await RefreshAsync(stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(250);
                // Read from a standby that has not replayed the change yet: ask again shortly.
                if (built.Version < Interlocked.Read(ref _wanted))
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    Changed();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The last snapshot goes on serving, and the build is tried again without waiting for another
                // change: the change that failed to arrive would otherwise stay missing until the next one. Sooner
                // while nothing is served (the listener's reconnect asks again too), at most once a minute after
                // that. A build that did not fit in memory waits the longest at once: it will not fit a moment
                // later, and each try takes a whole catalog's memory from the requests being answered.
                LogBuildFailed(e.Message);
                var longest = _current is null ? LongestRetryUnserved : LongestRetry;
                await Task.Delay(e is OutOfMemoryException ? longest : delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, longest.Ticks));
                Changed();
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken).ConfigureAwait(false))
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
                connection.Notification += (_, notice) =>
                {
                    // The payload is the version committed; one this replica shows already needs nothing.
                    if (long.TryParse(notice.Payload, System.Globalization.CultureInfo.InvariantCulture, out var version))
                    {
                        if (version <= (_current?.Version ?? 0)) return;
                        InterlockedMax(ref _wanted, version);
                    }
                    Changed();
                };
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                // Changes committed while nobody listened are caught up with before this counts as listening.
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
                _listening = true;
                if (warned) LogListening();
                warned = false;
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (a refused connection, a standby, a pooler without LISTEN), the service goes on
                // serving its snapshot and keeps trying: this must never stop the host.
                _listening = false;
                if (!warned) LogLost(e.Message);
                // Without a listener (a pooler that refuses LISTEN, say) a first snapshot is still worth building.
                if (_current is null) Changed();
                warned = true;
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog snapshot {Version} built: {Technologies} technologies, {Mentions} mentions, in {Milliseconds} ms ({ReadMilliseconds} ms reading PostgreSQL).")]
    private partial void LogBuilt(long version, int technologies, int mentions, long milliseconds, long readMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot build a catalog snapshot ({Reason}); the last one goes on serving, retrying.")]
    private partial void LogBuildFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot listen for catalog_changed ({Reason}); serving the last snapshot, retrying.")]
    private partial void LogLost(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for catalog_changed again.")]
    private partial void LogListening();
}
