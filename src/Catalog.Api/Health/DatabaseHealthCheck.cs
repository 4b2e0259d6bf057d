using Catalog.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

/// <summary>Ready means the database answers and holds an imported catalog.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CatalogDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var seed = await db.SeedStates.AsNoTracking().Select(s => s.SeedHash).FirstOrDefaultAsync(cancellationToken);
            return seed is null
                ? HealthCheckResult.Unhealthy("The database holds no imported catalog yet.")
                : HealthCheckResult.Healthy($"Seed {seed[..12]}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
