using Catalog.Api.Graph;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

/// <summary>A definition as served: in the language asked for, or in the other one, marked as a fallback.</summary>
public sealed record DefinitionView(TechnologyDefinition Definition, Lang Requested)
{
    public bool IsFallback => Definition.Lang != Requested;

    /// <summary>The definition in <paramref name="lang"/>, else in any other language, else null.</summary>
    public static DefinitionView? Pick(IReadOnlyList<TechnologyDefinition> definitions, Lang lang) =>
        (definitions.FirstOrDefault(d => d.Lang == lang) ?? (definitions.Count > 0 ? definitions[0] : null)) is { } found ? new DefinitionView(found, lang) : null;
}

public sealed class DefinitionType : ObjectGraphType<DefinitionView>
{
    public DefinitionType()
    {
        Name = "Definition";
        Description = "What a technology is, in one language, written in Catalog's own words.";
        Field<NonNullGraphType<LangType>>("lang").Description("The language of this text.").Resolve(c => c.Source.Definition.Lang);
        Field<NonNullGraphType<LangType>>("requestedLang").Description("The language that was asked for.").Resolve(c => c.Source.Requested);
        Field<NonNullGraphType<BooleanGraphType>>("isFallback")
            .Description("True when no text exists in the requested language and this one is in the other language.")
            .Resolve(c => c.Source.IsFallback);
        Field<NonNullGraphType<StringGraphType>>("short").Description("One or two sentences, sized for a tooltip.").Resolve(c => c.Source.Definition.Short);
        Field<StringGraphType>("long").Description("A longer explanation in Markdown, for the central technologies; null otherwise.").Resolve(c => c.Source.Definition.Long);
        Field<StringGraphType>("sourceUrl").Description("Where the facts come from.").Resolve(c => c.Source.Definition.SourceUrl);
    }
}
