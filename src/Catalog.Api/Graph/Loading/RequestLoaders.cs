using Catalog.Api.Data;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Graph.Loading;

/// <summary>
/// The batch loaders of one GraphQL request, each made on first use and named by the field that uses it.
/// Every batch runs on a DbContext of its own from the pool, so parallel resolvers never share one, and is
/// retried once when PostgreSQL reports a transient failure.
/// </summary>
public sealed class RequestLoaders(IDbContextFactory<CatalogDbContext> contexts)
{
    private readonly Dictionary<string, object> _loaders = [];
    private readonly Lock _gate = new();

    /// <summary>Loads one value per key (an entity by id, say); a key with no row gives <paramref name="missing"/>.</summary>
    public IDataLoaderResult<TValue> Load<TKey, TValue>(
        string name, TKey key, Func<CatalogDbContext, IReadOnlyList<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull => Loader(name, fetch, missing).Load(key);

    /// <summary>Loads a list per key (a talk's speakers, say); a key with no rows gives an empty list.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany<TKey, TValue>(
        string name, TKey key, Func<CatalogDbContext, IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> fetch)
        where TKey : notnull =>
        Loader<TKey, IReadOnlyList<TValue>>(name, async (db, keys, ct) =>
        {
            var lookup = await fetch(db, keys, ct).ConfigureAwait(false);
            return keys.ToDictionary(k => k, k => (IReadOnlyList<TValue>)lookup[k].ToList());
        }, []).Load(key);

    private static bool IsTransient(Exception e) => e switch
    {
        Npgsql.NpgsqlException npgsql => npgsql.IsTransient,
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    private BatchLoader<TKey, TValue> Loader<TKey, TValue>(
        string name, Func<CatalogDbContext, IReadOnlyList<TKey>, CancellationToken, Task<Dictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (_loaders.TryGetValue(name, out var existing)) return (BatchLoader<TKey, TValue>)existing;
            var loader = new BatchLoader<TKey, TValue>(async (keys, ct) =>
            {
                using var span = Telemetry.CatalogTelemetry.StartBatch(name, keys.Count);
                try
                {
                    await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
                    return await fetch(db, keys, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (IsTransient(e) && !ct.IsCancellationRequested)
                {
                    // A read is safe to repeat: once, on a new connection. After a PostgreSQL restart every idle
                    // connection of the pool is dead, so they go first; a database that is really down fails again, fast.
                    span?.AddEvent(new System.Diagnostics.ActivityEvent("retry"));
                    Npgsql.NpgsqlConnection.ClearAllPools();
                    await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
                    return await fetch(db, keys, ct).ConfigureAwait(false);
                }
            }, missing);
            _loaders[name] = loader;
            return loader;
        }
    }
}

public static class RequestLoadersExtensions
{
    /// <summary>
    /// The request's loaders: handed over in the user context by the endpoint (a scoped look-up takes the scope's lock,
    /// and a wide query asks for them thousands of times), else from the request's services.
    /// </summary>
    public static RequestLoaders Loaders(this IResolveFieldContext context) =>
        context.UserContext.TryGetValue(nameof(RequestLoaders), out var given) && given is RequestLoaders loaders
            ? loaders
            : context.RequestServices!.GetRequiredService<RequestLoaders>();

    /// <summary>A DbContext of the field's own, for root fields that query directly.</summary>
    public static Task<CatalogDbContext> DbAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(context.CancellationToken);
}

public static class EntityLoaders
{
    /// <summary>One entity by id, batched with every other id asked for in the same pass.</summary>
    public static IDataLoaderResult<T?> ById<T>(this IResolveFieldContext context, int id) where T : class, Data.IEntity =>
        context.Loaders().Load<int, T?>($"{typeof(T).Name}.byId", id, async (db, ids, ct) =>
            (await ByIds<T>.Query(db, [.. ids]).ToListAsync(ct)).ToDictionary(e => e.Id, e => (T?)e), null);

    /// <summary>The entity a non-null foreign key points at.</summary>
    public static IDataLoaderResult<T> Required<T>(this IResolveFieldContext context, int id) where T : class, Data.IEntity =>
        context.ById<T>(id).Then(e => e ?? throw new InvalidOperationException($"{typeof(T).Name} {id} is missing."));
}

/// <summary>Entities by id, one compiled query per entity type.</summary>
internal static class ByIds<T> where T : class, Data.IEntity
{
    public static readonly Func<CatalogDbContext, int[], IAsyncEnumerable<T>> Query = EF.CompileAsyncQuery(
        (CatalogDbContext db, int[] ids) => db.Set<T>().AsNoTracking().Where(e => ids.Contains(EF.Property<int>(e, "Id"))));
}
