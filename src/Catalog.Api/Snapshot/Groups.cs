using System.Runtime.InteropServices;

namespace Catalog.Api.Snapshot;

/// <summary>
/// Items grouped under an int key (a technology's aliases, a talk's mentions ...), each group one array of exactly
/// its size, in the order the items were given. A lean <see cref="ILookup{TKey,TElement}"/>: at 1000x the seed a
/// snapshot holds about two million grouped items, and a lookup's group object and doubling buffer per key cost more
/// than the items themselves.
/// </summary>
public sealed class Groups<T>
{
    private readonly Dictionary<int, T[]> _groups;

    private Groups(Dictionary<int, T[]> groups) => _groups = groups;

    /// <summary>The group of a key, empty when it has none.</summary>
    public IReadOnlyList<T> this[int key] => _groups.TryGetValue(key, out var group) ? group : [];

    /// <summary>Every key with its group, in no particular order.</summary>
    public IEnumerable<KeyValuePair<int, T[]>> All => _groups;

    /// <summary>Groups the items that <paramref name="where"/> keeps (all when null) by key, keeping their order.</summary>
    public static Groups<T> Of<TItem>(IReadOnlyList<TItem> items, Func<TItem, int> key, Func<TItem, T> value, Func<TItem, bool>? where = null)
    {
        // Count first, so each group is allocated once at its size; then fill, front to back.
        var left = new Dictionary<int, int>();
        foreach (var item in items)
            if (where?.Invoke(item) != false) CollectionsMarshal.GetValueRefOrAddDefault(left, key(item), out _)++;
        var groups = new Dictionary<int, T[]>(left.Count);
        foreach (var (k, count) in left) groups.Add(k, new T[count]);
        foreach (var item in items)
        {
            if (where?.Invoke(item) == false) continue;
            var k = key(item);
            var group = groups[k];
            ref var remaining = ref CollectionsMarshal.GetValueRefOrNullRef(left, k);
            group[group.Length - remaining--] = value(item);
        }
        return new Groups<T>(groups);
    }
}

/// <summary>Building <see cref="Groups{T}"/> of the items themselves.</summary>
public static class Groups
{
    public static Groups<T> Of<T>(IReadOnlyList<T> items, Func<T, int> key, Func<T, bool>? where = null) =>
        Groups<T>.Of(items, key, static item => item, where);
}
