using GraphQL.DataLoader;

namespace Catalog.Api.Graph.Loading;

/// <summary>
/// Collects the keys that resolvers ask for and fetches them together in one call the first time any of their
/// results is awaited. GraphQL.NET awaits <see cref="IDataLoaderResult"/>s only after every other field of the
/// current pass has run, so a whole level of a query (all talks' speakers, say) becomes one database command.
/// A key is fetched once per request; later loads of it reuse the result.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch,
    TValue missing) where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task<Dictionary<TKey, TValue>>> _batchOf = [];
    private readonly List<TKey> _pending = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.ContainsKey(key) && !_pending.Contains(key)) _pending.Add(key);
        }
        return new Pending(this, key);
    }

    private async Task<TValue> ResultAsync(TKey key, CancellationToken cancellationToken)
    {
        Task<Dictionary<TKey, TValue>> batch;
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out batch!))
            {
                var keys = _pending.ToArray();
                _pending.Clear();
                batch = fetch(keys, cancellationToken);
                foreach (var k in keys) _batchOf[k] = batch;
            }
        }
        var values = await batch.ConfigureAwait(false);
        return values.TryGetValue(key, out var value) ? value : missing;
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResultAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
