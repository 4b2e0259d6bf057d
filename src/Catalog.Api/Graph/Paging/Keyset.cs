using System.Buffers.Text;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Graph.Paging;

/// <summary>
/// Keyset pagination: rows ordered by a sort key and then by id (the tiebreaker), and a cursor holding both, so a
/// page costs one index range scan however deep it is, and rows added meanwhile do not shift pages.
/// </summary>
public static class Keyset
{
    /// <summary>
    /// Reads one page of <paramref name="query"/>. The total is counted later, on a context of its own, and only if
    /// the query selects <c>totalCount</c>.
    /// </summary>
    public static async Task<CatalogConnection<T>> PageAsync<T, TKey>(
        IDbContextFactory<Data.CatalogDbContext> contexts, Func<Data.CatalogDbContext, IQueryable<T>> query,
        SortKey<T, TKey> sortKey, bool descending, int? first, string? after, CancellationToken ct)
        where T : Data.IEntity
    {
        var size = Size(first);
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var page = query(db);
        if (after is not null)
        {
            var (key, id) = Decode<TKey>(after);
            page = page.Where(After(sortKey.Expression, descending, key, id));
        }
        var ordered = descending
            ? page.OrderByDescending(sortKey.Expression).ThenBy(e => EF.Property<int>(e, "Id"))
            : page.OrderBy(sortKey.Expression).ThenBy(e => EF.Property<int>(e, "Id"));
        var rows = await ordered.Take(size + 1).ToListAsync(ct).ConfigureAwait(false);
        return ToConnection(rows, size, after is not null, sortKey, async token =>
        {
            await using var countDb = await contexts.CreateDbContextAsync(token).ConfigureAwait(false);
            return await query(countDb).CountAsync(token).ConfigureAwait(false);
        });
    }

    /// <summary>The page size asked for, checked against the bounds.</summary>
    public static int Size(int? first)
    {
        var size = first ?? PageSize.Default;
        if (size is < 0 or > PageSize.Max)
            throw new ExecutionError($"'first' must be between 0 and {PageSize.Max}; it was {size}.") { Code = ErrorCodes.BadPageSize };
        return size;
    }

    /// <summary>
    /// A page from rows already read in order, one more than <paramref name="size"/> if there are (that one only
    /// tells that a next page exists).
    /// </summary>
    public static CatalogConnection<T> ToConnection<T, TKey>(
        List<T> rows, int size, bool hasPrevious, SortKey<T, TKey> sortKey, Func<CancellationToken, Task<int>> countAsync)
        where T : Data.IEntity
    {
        var hasNext = rows.Count > size;
        if (hasNext) rows.RemoveRange(size, rows.Count - size);
        var edges = rows.Select(r => new Edge<T> { Node = r, Cursor = Encode(sortKey.Compute(r), r.Id) }).ToList();
        return new CatalogConnection<T>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = hasNext,
                HasPreviousPage = hasPrevious,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
            CountAsync = countAsync,
        };
    }

    private static Expression<Func<T, bool>> After<T, TKey>(Expression<Func<T, TKey>> sortKey, bool descending, TKey key, int id)
    {
        var row = sortKey.Parameters[0];
        var keyValue = Expression.Constant(key, typeof(TKey));
        var rowId = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(int)], row, Expression.Constant("Id"));
        Expression Compare(ExpressionType type) => typeof(TKey) == typeof(string)
            ? Expression.MakeBinary(type,
                Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, sortKey.Body, keyValue),
                Expression.Constant(0))
            : Expression.MakeBinary(type, sortKey.Body, keyValue);
        var beyond = Compare(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        var tie = Expression.AndAlso(Compare(ExpressionType.Equal), Expression.GreaterThan(rowId, Expression.Constant(id)));
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(beyond, tie), row);
    }

    private static string Encode<TKey>(TKey key, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{id.ToString(CultureInfo.InvariantCulture)}\u001f{Convert.ToString(key, CultureInfo.InvariantCulture)}"));

    private static (TKey Key, int Id) Decode<TKey>(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf('\u001f', StringComparison.Ordinal);
            if (separator > 0 && int.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return ((TKey)Convert.ChangeType(text[(separator + 1)..], typeof(TKey), CultureInfo.InvariantCulture), id);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException) { }
        throw new ExecutionError($"The cursor '{cursor}' is not a cursor of this list; pass an endCursor this list returned.") { Code = ErrorCodes.BadCursor };
    }
}
