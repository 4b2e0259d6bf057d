using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Graph;

public static class SlugFieldExtensions
{
    /// <summary>A root field that finds one item by its slug, ignoring case and surrounding spaces.</summary>
    public static void FieldBySlug<TGraphType>(this ObjectGraphType query, string name, string what, Func<CatalogSnapshot, string, object?> find)
        where TGraphType : IGraphType =>
        query.Field<TGraphType>(name)
            .Description($"{what} by slug; null when there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The slug.")
            .Resolve(c => find(c.Catalog(), c.GetArgument<string>("slug").Trim().ToLowerInvariant()));
}
