using GraphQL.Types.Relay.DataObjects;

namespace Catalog.Api.Graph.Paging;

/// <summary>A page of a connection, with the size of the whole filtered list.</summary>
public sealed class CatalogConnection<T> : Connection<T>
{
    public required int Total { get; init; }
}
