using Catalog.Ingest.Notes;


namespace Catalog.Ingest.Import;

/// <summary>A form a technology is stored under (name, slug or alias), with its look-up key.</summary>
/// <param name="Ambiguity">Why the form, written in text, may mean something else (<see cref="Linking.NameAmbiguity"/>); null when it may not.</param>
public sealed record PlannedAlias(string Text, string Normalized, AliasKind Kind, Lang? Lang, bool CaseSensitive, bool Match, string? Ambiguity = null);

public sealed record PlannedSection(
    string Slug, SectionKind Kind, string? Heading, int Level, int Position, int StartLine, int EndLine, string? Talk);

public sealed record PlannedDocument(SeedDocument Seed, string Content, NotesDocument Notes, IReadOnlyList<PlannedSection> Sections);

public sealed record PlannedMention(
    string Document, string Section, string Technology, string AliasNormalized, int Line, int Column, string MatchedText, string LineText);

/// <summary>The checked seed: the state the database must end up in.</summary>
public sealed record ImportPlan(
    SeedCatalog Catalog,
    IReadOnlyDictionary<string, IReadOnlyList<PlannedAlias>> Aliases,
    IReadOnlyList<PlannedDocument> Documents,
    IReadOnlyList<PlannedMention> Mentions,
    string SeedHash)
{
    /// <summary>What the CNCF landscape files added to the curated catalog; null when the seed has none.</summary>
    public Landscape.LandscapeReport? Landscape { get; init; }
}
