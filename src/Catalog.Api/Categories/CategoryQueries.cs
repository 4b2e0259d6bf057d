using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Categories;

public sealed class CategoryQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<CategoryType>("category")
            .Description("A category by slug or by one of the short names people use (CNI, service mesh, CI/CD), ignoring case.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "A slug or alias.")
            .Resolve(c => c.Catalog().FindCategory(c.GetArgument<string>("slug")));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The category tree: the top-level categories in the catalog's order; walk `children` for the rest.")
            .Resolve(c => c.Catalog().TopCategories);
    }
}
