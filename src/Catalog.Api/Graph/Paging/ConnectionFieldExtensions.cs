using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Catalog.Api.Graph.Paging;

public static class ConnectionFieldExtensions
{
    /// <summary>A cursor connection field with the <c>first</c>/<c>after</c> arguments every list of Catalog takes.</summary>
    public static FieldBuilder<TSource, object> ConnectionField<TSource, TNodeType, TNode>(this ObjectGraphType<TSource> type, string name)
        where TNodeType : IGraphType =>
        type.Field<NonNullGraphType<CatalogConnectionType<TNodeType, TNode>>>(name)
            .Argument<IntGraphType>("first", $"How many items to return: {PageSize.Default} by default, at most {PageSize.Max}.")
            .Argument<StringGraphType>("after", "Return the items after this cursor: the `pageInfo.endCursor` of the previous page.");

    public static int? First(this IResolveFieldContext context) => context.GetArgument<int?>("first");

    public static string? After(this IResolveFieldContext context) => context.GetArgument<string?>("after");
}
