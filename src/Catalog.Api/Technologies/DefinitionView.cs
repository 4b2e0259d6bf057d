namespace Catalog.Api.Technologies;

/// <summary>
/// A definition as served: in the language asked for, or in the other one, marked as a fallback; written for the
/// catalog or composed from its facts.
/// </summary>
public sealed record DefinitionView(TechnologyDefinition Definition, Lang Requested, DefinitionSource Source)
{
    public bool IsFallback => Definition.Lang != Requested;

    /// <summary>The definition in <paramref name="lang"/>, else in any other language, else null.</summary>
    public static DefinitionView? Pick((IReadOnlyList<TechnologyDefinition> Definitions, DefinitionSource Source) of, Lang lang) =>
        (of.Definitions.FirstOrDefault(d => d.Lang == lang) ?? (of.Definitions.Count > 0 ? of.Definitions[0] : null)) is { } found ? new DefinitionView(found, lang, of.Source) : null;
}
