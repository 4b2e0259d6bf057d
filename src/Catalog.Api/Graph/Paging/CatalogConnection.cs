using GraphQL.Types.Relay.DataObjects;

namespace Catalog.Api.Graph.Paging;

/// <summary>A page of a connection whose total is counted only when a query selects <c>totalCount</c>.</summary>
public sealed class CatalogConnection<T> : Connection<T>
{
    public required Func<CancellationToken, Task<int>> CountAsync { get; init; }
}
