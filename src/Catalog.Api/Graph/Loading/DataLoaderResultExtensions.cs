using GraphQL.DataLoader;

namespace Catalog.Api.Graph.Loading;

public static class DataLoaderResultExtensions
{
    /// <summary>Maps a pending result without awaiting it, so it stays part of its batch.</summary>
    public static IDataLoaderResult<TOut> Then<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, TOut> map) => new Mapped<TIn, TOut>(result, map);

    /// <summary>Chains a second load on a first one's value (a mention's section, then its talk).</summary>
    public static IDataLoaderResult ThenLoad<TIn, TOut>(this IDataLoaderResult<TIn> result, Func<TIn, IDataLoaderResult<TOut>?> next) =>
        new Chained<TIn, TOut>(result, next);

    private sealed class Mapped<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns the second load as a new pending result, which GraphQL.NET queues behind the current pass, so the
    /// second level is batched too.
    /// </summary>
    private sealed class Chained<TIn, TOut>(IDataLoaderResult<TIn> inner, Func<TIn, IDataLoaderResult<TOut>?> next) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default) =>
            next(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));
    }
}
