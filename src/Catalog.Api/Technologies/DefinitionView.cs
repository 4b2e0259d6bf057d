namespace Catalog.Api.Technologies;

/// <summary>A definition as served: in the language asked for, or in the other one, marked as a fallback.</summary>
public sealed record DefinitionView(TechnologyDefinition Definition, Lang Requested)
{
    public bool IsFallback => Definition.Lang != Requested;

    /// <summary>The definition in <paramref name="lang"/>, else in any other language, else null.</summary>
    public static DefinitionView? Pick(IEnumerable<TechnologyDefinition> definitions, Lang lang) =>
        (definitions.FirstOrDefault(d => d.Lang == lang) ?? definitions.FirstOrDefault()) is { } found ? new DefinitionView(found, lang) : null;
}
