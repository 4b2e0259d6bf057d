using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Catalog.Model;
using GraphQL;
using GraphQL.Types.Relay.DataObjects;

namespace Catalog.Api.Graph.Paging;

/// <summary>
/// Keyset pagination over a list already in order (by a sort key, then by id): a cursor holds the key and the id of
/// the last row seen, so the next page starts right after it however deep it is, and rows added meanwhile do not
/// shift pages.
/// </summary>
public static class Keyset
{
    /// <summary>The page of <paramref name="ordered"/> after the cursor <paramref name="after"/>.</summary>
    public static CatalogConnection<T> Page<T, TKey>(IReadOnlyList<T> ordered, SortKey<T, TKey> sortKey, int? first, string? after)
        where T : IEntity
    {
        var size = Size(first);
        var start = 0;
        if (after is not null)
        {
            var (key, id) = Decode<TKey>(after);
            start = FirstAfter(ordered, sortKey, key, id);
        }
        var count = Math.Min(size, ordered.Count - start);
        var edges = new List<Edge<T>>(count);
        for (var i = start; i < start + count; i++)
            edges.Add(new Edge<T> { Node = ordered[i], Cursor = Encode(sortKey.Compute(ordered[i]), ordered[i].Id) });
        return new CatalogConnection<T>
        {
            Edges = edges,
            PageInfo = new PageInfo
            {
                HasNextPage = start + count < ordered.Count,
                HasPreviousPage = after is not null,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
            Total = ordered.Count,
        };
    }

    /// <summary>The page size asked for, checked against the bounds.</summary>
    public static int Size(int? first)
    {
        var size = first ?? PageSize.Default;
        if (size is < 0 or > PageSize.Max)
            throw new ExecutionError($"'first' must be between 0 and {PageSize.Max}; it was {size}.") { Code = ErrorCodes.BadPageSize };
        return size;
    }

    /// <summary>The index of the first row ordered after (key, id): a binary search.</summary>
    private static int FirstAfter<T, TKey>(IReadOnlyList<T> ordered, SortKey<T, TKey> sortKey, TKey key, int id) where T : IEntity
    {
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var row = ordered[middle];
            var order = sortKey.Comparer.Compare(sortKey.Compute(row), key);
            if (order < 0 || (order == 0 && row.Id <= id)) low = middle + 1;
            else high = middle;
        }
        return low;
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
