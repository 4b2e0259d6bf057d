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

    public float SortOrder => Graph.GraphQLPipeline.Order.Snapshot;

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
