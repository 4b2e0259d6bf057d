using GraphQL;
using GraphQL.DI;

namespace Catalog.Api.Snapshot;

/// <summary>
/// Hands every execution the snapshot current when it starts, so each of its fields reads that one catalog version
/// however long it runs and whatever is swapped in meanwhile.
/// </summary>
public sealed class SnapshotExecution(CatalogSnapshots snapshots) : IConfigureExecution
{
    public const string Key = nameof(CatalogSnapshot);

    /// <summary>Early: before the limits and caches, which never read the catalog, and long before any resolver.</summary>
    public float SortOrder => 20;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (!options.UserContext.ContainsKey(Key))
        {
            try
            {
                options.UserContext[Key] = await snapshots.GetAsync(options.CancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // No snapshot was ever built: each field that reads the catalog says so with DATABASE_UNAVAILABLE.
            }
        }
        return await next(options).ConfigureAwait(false);
    }
}
