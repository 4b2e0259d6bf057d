using System.Linq.Expressions;

namespace Catalog.Api.Graph.Paging;

/// <summary>
/// A list's sort key, as SQL orders by it and as .NET computes it for cursors. Made once per list (a static field):
/// compiling the expression per request would cost more than the page itself.
/// </summary>
public sealed class SortKey<T, TKey>(Expression<Func<T, TKey>> expression)
{
    public Expression<Func<T, TKey>> Expression { get; } = expression;

    public Func<T, TKey> Compute { get; } = expression.Compile();
}
