namespace Catalog.Model.Technologies;

/// <summary>
/// A form a technology is known by: its name and slug (for look-up), and every other spelling, reading or
/// short form. <see cref="Normalized"/> carries a unique index, so resolving any form is one index probe.
/// </summary>
public sealed class TechnologyAlias : IEntity
{
    public int Id { get; init; }
    public int TechnologyId { get; init; }
    public required string Text { get; set; }
    public required string Normalized { get; init; }
    public required AliasKind Kind { get; set; }
    public Lang? Lang { get; set; }
    public bool CaseSensitive { get; set; }

    /// <summary>False for look-up-only forms that are never linked in running text.</summary>
    public bool Match { get; set; } = true;

    /// <summary>Why the form, written in text, may mean something else (an English word, a given name ...): then it
    /// links only where its context is about the technology. Null when it names nothing else.</summary>
    public string? Ambiguity { get; set; }

    public Technology? Technology { get; init; }

    /// <summary>The look-up key: Unicode-compatibility folded, trimmed, lower case.</summary>
    public static string Normalize(string text) =>
        text.Normalize(System.Text.NormalizationForm.FormKC).Trim().ToLowerInvariant();
}
