using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Search;

public sealed class SearchResultType : ObjectGraphType<SearchResult>
{
    public SearchResultType()
    {
        Name = "SearchResult";
        Description = "One hit of `search`: the item found, the text of it that matched and how well.";
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("Higher is better: 100 and up for an exact name or alias, 80 for a prefix, 60 for a substring, 40 for a typo, 20 for a definition; see `Query.search`.")
            .Resolve(c => c.Source.Score);
        Field(r => r.Matched).Description("The text that matched, as written: a name, alias, reading, title or definition.");
        Field<NonNullGraphType<SearchItemType>>("item")
            .Description("The technology, talk, organisation or category found.")
            .Resolve(c => c.Source.Item);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
