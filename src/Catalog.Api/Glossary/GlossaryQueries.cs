using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Glossary;

public sealed class GlossaryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlossaryEntryType>>>>("glossary")
            .Description(
                "Every technology, ordered by name, with what a glossary widget needs: the terms to underline in running text and the " +
                "tooltip's short definition, category names and talk titles, in `lang` (falling back to the other language per definition). " +
                "Built once per catalog version and kept in memory. Cacheable: ask for it by GET.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language of the page the widget runs on."; })
            .Resolve(c => c.Catalog().Glossary(c.GetArgument("lang", Lang.En)));
}
