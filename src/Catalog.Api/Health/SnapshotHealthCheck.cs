using Catalog.Api.Snapshot;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>
/// Ready means this instance serves a snapshot of an imported catalog. While PostgreSQL is away, or the latest version
/// cannot be built (the log says why), it stays ready on the last snapshot, reported Degraded with how long ago that
/// snapshot was last known to be current.
/// </summary>
internal sealed class SnapshotHealthCheck(CatalogSnapshots snapshots, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (snapshots.Current is not { } snapshot)
            return Task.FromResult(HealthCheckResult.Unhealthy("No catalog snapshot yet: the database has not answered since this instance started."));
        if (!snapshot.Imported)
            return Task.FromResult(HealthCheckResult.Unhealthy("The database holds no imported catalog yet."));
        var data = new Dictionary<string, object>
        {
            ["version"] = snapshot.Version,
            ["builtAt"] = snapshot.BuiltAt,
            ["listening"] = snapshots.IsListening,
        };
        var failed = snapshots.FailedAt;
        if (snapshots.IsListening && failed is null) return Task.FromResult(HealthCheckResult.Healthy($"Catalog version {snapshot.Version}.", data));
        var confirmed = snapshots.ConfirmedAt ?? snapshot.BuiltAt;
        var age = time.GetUtcNow() - confirmed;
        data["confirmedAt"] = confirmed;
        data["staleSeconds"] = Math.Round(age.TotalSeconds);
        if (failed is { } at) data["buildFailedAt"] = at;
        var why = snapshots.IsListening
            ? "the latest version could not be built (see the log); retrying."
            : "changes are not heard while the database is away.";
        return Task.FromResult(HealthCheckResult.Degraded(
            $"Serving catalog version {snapshot.Version}, last known current {age.TotalSeconds:0} s ago: {why}", data: data));
    }
}
