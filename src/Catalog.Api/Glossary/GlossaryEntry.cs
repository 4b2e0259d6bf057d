using Catalog.Api.Technologies;

namespace Catalog.Api.Glossary;

/// <summary>What a tooltip widget needs to know about one technology, in one language.</summary>
public sealed record GlossaryEntry(
    string Slug,
    string Name,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> CaseSensitiveTerms,
    string Definition,
    Lang DefinitionLang,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Talks,
    string? Url);
