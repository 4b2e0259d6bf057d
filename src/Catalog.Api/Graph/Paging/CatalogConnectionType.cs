using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Catalog.Api.Graph.Paging;

/// <summary>
/// A Relay connection (<c>edges</c>, <c>pageInfo</c>) with <c>nodes</c> for clients that need no cursors, and a
/// <c>totalCount</c> that costs a query only when it is selected.
/// </summary>
public sealed class CatalogConnectionType<TNodeType, TNode> : ConnectionType<TNodeType, EdgeType<TNodeType>>
    where TNodeType : IGraphType
{
    public CatalogConnectionType()
    {
        var totalCount = GetField("totalCount")!;
        totalCount.Description = "How many items the whole connection holds, with its filters. Counted only when selected.";
        totalCount.Resolver = new FuncFieldResolver<object>(async context =>
            await ((CatalogConnection<TNode>)context.Source!).CountAsync(context.CancellationToken).ConfigureAwait(false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.")
            .Resolve(context => ((Connection<TNode>)context.Source!).Items);
    }
}
