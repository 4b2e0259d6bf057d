namespace Catalog.Api.Graph.Paging;

/// <summary>
/// A list's sort key: how to compute it for a row and how to compare two of them. The list is ordered by it and then
/// by id (the tiebreaker), and a cursor holds both. Made once per list (a static field).
/// </summary>
public sealed class SortKey<T, TKey>(Func<T, TKey> compute, IComparer<TKey> comparer)
{
    public Func<T, TKey> Compute { get; } = compute;

    public IComparer<TKey> Comparer { get; } = comparer;
}

public static class SortKey
{
    /// <summary>Names and titles by <see cref="Snapshot.CatalogSnapshot.NameKey"/>, compared ordinally.</summary>
    public static SortKey<T, string> ByName<T>(Func<T, string> name) => new(row => Snapshot.CatalogSnapshot.NameKey(name(row)), StringComparer.Ordinal);

    public static SortKey<T, int> ByNumber<T>(Func<T, int> number) => new(number, Comparer<int>.Default);
}
