using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Categories;

public sealed class CategoryType : ObjectGraphType<Category>
{
    public CategoryType()
    {
        Name = "Category";
        Description = "A node of the two-level category tree, aligned with the CNCF Cloud Native Landscape (Runtime > Container Runtime).";
        this.IsNode(c => c.Id);
        Field(c => c.Slug).Description("The unique, URL-safe key.");
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("The name in `lang`.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language wanted."; })
            .Resolve(c => c.GetArgument<Lang>("lang") == Lang.Ja ? c.Source.NameJa : c.Source.NameEn);
        Field(c => c.NameEn).Description("The English name.");
        Field(c => c.NameJa).Description("The Japanese name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("The short names people use for this category (CNI, service mesh, CI/CD).")
            .Resolve(c => c.Source.Aliases);
        Field<CategoryType>("parent").Description("The top-level category above this one; null at the top.")
            .Resolve(c => c.Source.ParentId is { } id ? c.Catalog().Categories[id] : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("children")
            .Description("The subcategories, in the catalog's order.")
            .Resolve(c => c.Catalog().ChildrenOf[c.Source.Id]);
        this.ConnectionField<Category, TechnologyType, Technology>("technologies")
            .Description("The technologies in this category and, unless turned off, in its subcategories, by name. " + PageSize.Describe("technologies"))
            .Argument<BooleanGraphType>("includeSubcategories", a => { a.DefaultValue = true; a.Description = "Include the technologies of the subcategories."; })
            .Resolve(c => TechnologyQueries.Page(c, new TechnologyFilter(CategoryId: c.Source.Id, IncludeSubcategories: c.GetArgument("includeSubcategories", true))));
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
