using Catalog.Api.Graph.Plans;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace Catalog.Api.Graph.Paging;

/// <summary>
/// A Relay connection (<c>edges</c>, <c>pageInfo</c>), with <c>nodes</c> for clients that need no cursors, and a
/// <c>totalCount</c>.
/// </summary>
public sealed class CatalogConnectionType<TNodeType, TNode> : ObjectGraphType<CatalogConnection<TNode>>
    where TNodeType : IGraphType
{
    public CatalogConnectionType()
    {
        var node = typeof(TNodeType).Name.EndsWith("Type", StringComparison.Ordinal) ? typeof(TNodeType).Name[..^4] : typeof(TNodeType).Name;
        Name = node + "Connection";
        Description = $"A page of {node} items, with cursors to fetch the next page.";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many items the whole list holds, with its filters.")
            .Resolve(c => c.Source.Total);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page sits in the list.").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeType<TNodeType>>>>>("edges")
            .Description("The items of this page, each with its cursor.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeType>>>>("nodes")
            .Description("The items of this page, without cursors.").Resolve(c => c.Source.Items);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
