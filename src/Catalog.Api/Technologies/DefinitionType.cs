using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class DefinitionType : ObjectGraphType<DefinitionView>
{
    public DefinitionType()
    {
        Name = "Definition";
        Description = "What a technology is, in one language, in Catalog's own words: written for it, or composed from the facts it holds (see `source`).";
        Field<NonNullGraphType<LangType>>("lang").Description("The language of this text.").Resolve(c => c.Source.Definition.Lang);
        Field<NonNullGraphType<LangType>>("requestedLang").Description("The language that was asked for.").Resolve(c => c.Source.Requested);
        Field<NonNullGraphType<BooleanGraphType>>("isFallback")
            .Description("True when no text exists in the requested language and this one is in the other language.")
            .Resolve(c => c.Source.IsFallback);
        Field<NonNullGraphType<StringGraphType>>("short").Description("One or two sentences, sized for a tooltip.").Resolve(c => c.Source.Definition.Short);
        Field<StringGraphType>("long").Description("A longer explanation in Markdown, for the central technologies; null otherwise.").Resolve(c => c.Source.Definition.Long);
        Field<NonNullGraphType<DefinitionSourceType>>("source")
            .Description("Whether this text was written for the catalog or composed from the facts it holds.")
            .Resolve(c => c.Source.Source);
        Field<StringGraphType>("sourceUrl").Description("Where the facts come from.").Resolve(c => c.Source.Definition.SourceUrl);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
