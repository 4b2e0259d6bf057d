using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Api.Snapshot;

public static class SnapshotExtensions
{
    /// <summary>The in-memory catalog every read comes from, kept current from PostgreSQL's change notices.</summary>
    public static WebApplicationBuilder AddCatalogSnapshot(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CatalogSnapshots>();
        builder.Services.AddSingleton<Data.ICatalogVersion>(sp => sp.GetRequiredService<CatalogSnapshots>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CatalogSnapshots>());
        return builder;
    }

    /// <summary>
    /// Builds the first snapshot while the host starts its server (readiness waits for that snapshot); the database
    /// must be migrated and imported by then.
    /// </summary>
    public static WebApplication StartCatalogSnapshot(this WebApplication app)
    {
        app.Services.GetRequiredService<CatalogSnapshots>().StartFirstBuild(app.Lifetime.ApplicationStopping);
        return app;
    }

    /// <summary>The snapshot this execution reads (see <see cref="SnapshotExecution"/>).</summary>
    public static CatalogSnapshot Catalog(this IResolveFieldContext context) =>
        context.UserContext.TryGetValue(SnapshotExecution.Key, out var given) && given is CatalogSnapshot snapshot
            ? snapshot
            : context.RequestServices?.GetService<CatalogSnapshots>()?.Current ?? throw NotReady();

    /// <summary>
    /// After a write: the snapshot that shows it, from now on the one the rest of this execution reads (the
    /// mutation's own answer is read-your-writes).
    /// </summary>
    public static async Task<CatalogSnapshot> RefreshCatalogAsync(this IResolveFieldContext context)
    {
        var snapshot = await context.RequestServices!.GetRequiredService<CatalogSnapshots>().RefreshAsync(context.CancellationToken);
        context.UserContext[SnapshotExecution.Key] = snapshot;
        return snapshot;
    }

    private static ExecutionError NotReady() =>
        new("The catalog is not loaded yet: its database has not answered since this instance started; try again shortly.")
        {
            Code = ErrorCodes.DatabaseUnavailable,
        };
}
