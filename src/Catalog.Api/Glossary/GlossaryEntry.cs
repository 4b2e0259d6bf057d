using Catalog.Api.Technologies;

namespace Catalog.Api.Glossary;

/// <summary>
/// What a tooltip widget needs to know about one technology, in one language. A technology known only from the
/// CNCF landscape may have no definition: <see cref="Definition"/> and <see cref="DefinitionLang"/> are then null.
/// </summary>
public sealed record GlossaryEntry(
    int TechnologyId,
    string Slug,
    string Name,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> CaseSensitiveTerms,
    string? Definition,
    Lang? DefinitionLang,
    DefinitionSource? DefinitionSource,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Talks,
    string? Url)
{
    /// <summary>Forms that are also ordinary words or names: they link only where the text is about the technology.</summary>
    public IReadOnlyList<string> ContextTerms { get; init; } = [];
}
