
namespace Catalog.Ingest.Import;

// The seed as read and checked: plain values, references still by slug, each entry with where it came from.

public sealed record SeedAt(string File, int Line);

public sealed record SeedEvent(SeedAt At, string Slug, string Name, string? Edition, DateOnly? Date, string? City, string? Homepage, string? Source);

/// <param name="Occurrence">Which heading of that text it is, counting from 1, when the notes repeat a heading.</param>
public sealed record SeedSectionEntry(SeedAt At, string Slug, string Heading, SectionKind Kind, int? Occurrence = null);

public sealed record SeedDocument(
    SeedAt At, string Slug, string File, string Title, string? Blog, string? Author, string Language,
    DateOnly? Published, string? Url, string? Event, IReadOnlyList<SeedSectionEntry> Sections)
{
    /// <summary>What the document's own spellings mean in it ("argo" for Argo CD), whatever they mean elsewhere.</summary>
    public IReadOnlyList<SeedSpelling> Spellings { get; init; } = [];
}

/// <summary>A spelling as one document writes it, and the technology (a slug or any of its names) it means there.</summary>
public sealed record SeedSpelling(SeedAt At, string Text, string Technology);

public sealed record SeedCategory(SeedAt At, string Slug, string NameEn, string NameJa, string? Parent, IReadOnlyList<string> Aliases);

public sealed record SeedOrganization(
    SeedAt At, string Slug, string Name, string? NameJa, OrganizationKind Kind, string? Parent, string? Homepage, IReadOnlyList<string> Aliases)
{
    // Facts from the CNCF landscape (see Landscape/LandscapeMerger).
    public string? Membership { get; init; }
    public DateOnly? MemberSince { get; init; }
    public IReadOnlyList<string> CncfPrograms { get; init; } = [];
    public string? Crunchbase { get; init; }
}

/// <param name="Profile">The profile page the notes link the person to.</param>
public sealed record SeedPerson(SeedAt At, string Slug, string Name, string? Handle, string? Profile = null);

public sealed record SeedSpeaker(SeedAt At, string Person, string? Organization);

/// <param name="Occurrence">Which heading of that text it is, counting from 1, when the notes repeat a heading.</param>
/// <param name="Time">The time slot as the notes write it beside the title ("10:00 - 10:30").</param>
/// <param name="Track">The track, room or session number as the notes write it ("Room A", "B-2").</param>
public sealed record SeedTalk(
    SeedAt At, string Slug, string Document, string Title, string? Heading,
    IReadOnlyList<SeedSpeaker> Speakers, IReadOnlyList<string> Organizations, int? Occurrence = null,
    string? Time = null, string? Track = null);

public sealed record SeedAlias(SeedAt At, string Text, AliasKind Kind, Lang? Lang, bool CaseSensitive, bool Match);

/// <summary>An alias given apart from its technology's entry (the top-level <c>aliases</c> list), e.g. a spelling one document uses.</summary>
public sealed record SeedExtraAlias(SeedAt At, string Technology, SeedAlias Alias);

/// <summary>
/// A definition given apart from its technology's entry (the top-level <c>definitions</c> list): how a technology the
/// landscape brings, which has no curated entry, gets a definition in our words without restating its facts.
/// </summary>
/// <summary>A name the seed says is ambiguous or not in running text, whatever the word lists say (the <c>linking</c> list).</summary>
public sealed record SeedLinking(SeedAt At, string Name, bool Ambiguous);

public sealed record SeedExtraDefinition(SeedAt At, string Technology, IReadOnlyList<SeedDefinition> Definitions);

public sealed record SeedDefinition(Lang Lang, string Short, string? Long, string? Source);

public sealed record SeedMaker(SeedAt At, string Organization, OrganizationRole Role, string? Source);

public sealed record SeedRelation(SeedAt At, RelationKind Kind, string Target, string? Source);

public sealed record SeedTechnology(
    SeedAt At, string Slug, string Name, TechnologyKind Kind, IReadOnlyList<string> Categories,
    string? Homepage, string? Repository, IReadOnlyList<SeedMaker> Organizations, IReadOnlyList<SeedAlias> Aliases,
    IReadOnlyList<SeedDefinition> Definitions, IReadOnlyList<SeedRelation> Relations)
{
    /// <summary>Whether the name itself links in text; false for a landscape name that is an ordinary word.</summary>
    public bool NameMatches { get; init; } = true;

    /// <summary>Whether the name links only as written (a landscape-only technology's name) rather than in any case.</summary>
    public bool NameCaseSensitive { get; init; }

    // Facts from the CNCF landscape (see Landscape/LandscapeMerger).
    public Maturity? Maturity { get; init; }
    public LandscapeEntry? Landscape { get; init; }
}

/// <summary>Everything in seed/catalog, merged across files.</summary>
public sealed class SeedCatalog
{
    public List<SeedEvent> Events { get; } = [];
    public List<SeedDocument> Documents { get; } = [];
    public List<SeedCategory> Categories { get; } = [];
    public List<SeedOrganization> Organizations { get; } = [];
    public List<SeedPerson> People { get; } = [];
    public List<SeedTalk> Talks { get; } = [];
    public List<SeedTechnology> Technologies { get; } = [];
    public List<SeedExtraAlias> Aliases { get; } = [];
    public List<SeedExtraDefinition> Definitions { get; } = [];
    public List<SeedLinking> Linking { get; } = [];

    /// <summary>
    /// Drops the top-level <c>aliases</c> and <c>definitions</c> of technologies no catalog file lists, and relations to
    /// them: those the CNCF landscape brings, when a seed is read without it. With the landscape, such a name is an error.
    /// </summary>
    public void ForgetUnknownTechnologies()
    {
        var known = Technologies.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        Aliases.RemoveAll(a => !known.Contains(a.Technology));
        Definitions.RemoveAll(d => !known.Contains(d.Technology));
        for (var i = 0; i < Technologies.Count; i++)
        {
            if (Technologies[i].Relations.All(r => known.Contains(r.Target))) continue;
            Technologies[i] = Technologies[i] with { Relations = [.. Technologies[i].Relations.Where(r => known.Contains(r.Target))] };
        }
    }

    /// <summary>Adds every entry of another catalog (one file's) after this one's.</summary>
    public void AddRange(SeedCatalog other)
    {
        Events.AddRange(other.Events);
        Documents.AddRange(other.Documents);
        Categories.AddRange(other.Categories);
        Organizations.AddRange(other.Organizations);
        People.AddRange(other.People);
        Talks.AddRange(other.Talks);
        Technologies.AddRange(other.Technologies);
        Aliases.AddRange(other.Aliases);
        Definitions.AddRange(other.Definitions);
        Linking.AddRange(other.Linking);
    }
}
