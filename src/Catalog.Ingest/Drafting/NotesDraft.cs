namespace Catalog.Ingest.Drafting;

/// <summary>
/// What a draft made of one heading of the notes: a talk, a section of another kind, or a sub-heading that stays
/// part of the talk above it (<see cref="Kind"/> null).
/// </summary>
/// <param name="Line">The heading's line.</param>
/// <param name="EndLine">The last line of what the entry covers (a talk's sub-headings included).</param>
/// <param name="Occurrence">Which heading of this text it is, counting from 1.</param>
/// <param name="Slug">The entry's slug; null for a sub-heading.</param>
/// <param name="Title">A talk's title: the heading without Markdown, the speakers it names, its time slot or its track.</param>
/// <param name="Time">A talk's time slot as the heading writes it ("10:00 - 10:30").</param>
/// <param name="Track">A talk's track, room or number as the heading writes it ("Room A", "B-2").</param>
public sealed record DraftHeading(
    int Line, int EndLine, int Level, string Heading, int Occurrence, SectionKind? Kind, string? Slug, string? Title,
    string? Time = null, string? Track = null);

/// <summary>A technology the catalog knows, found in a part of the notes, with the lines that name it.</summary>
public sealed record DraftMention(string Technology, string Name, IReadOnlyList<int> Lines);

/// <summary>
/// A word of the notes that is not a form of a known technology but looks like one: a near-miss spelling (with the
/// alias that would link it), or a look-up-only form (<c>match: false</c>) or a case-sensitive one in another case.
/// </summary>
/// <param name="Similarity">The trigram similarity to <paramref name="Form"/> (1 for a look-up-only form).</param>
/// <param name="LookUpOnly">The word is a form the catalog keeps from running text on purpose.</param>
public sealed record DraftNearMiss(string Text, int Line, string Technology, string Name, string Form, double Similarity, bool LookUpOnly);

/// <summary>A term that looks like a technology the catalog lacks, with the lines it is on and how often it occurs.</summary>
public sealed record DraftCandidate(string Text, int Count, IReadOnlyList<int> Lines);

/// <summary>
/// A person named in the notes whom the catalog lacks: a speaker linked under a talk's heading or in it (drafted as an
/// entry), or an @handle or a name in a heading (suggested in a comment).
/// </summary>
public sealed record DraftPerson(string Slug, string Name, string? Handle, int Line)
{
    /// <summary>The profile page the notes link the person to.</summary>
    public string? Profile { get; init; }
}

/// <summary>An organisation a speaker's affiliation names that the catalog lacks, proposed for the user to confirm.</summary>
public sealed record DraftOrganization(string Slug, string Name, int Line);

/// <summary>A speaker of a drafted talk, with the known organisation named beside them.</summary>
public sealed record DraftSpeaker(string Person, string? Organization)
{
    /// <summary>The organisation the draft proposes for the affiliation written beside the speaker, when the catalog lacks it.</summary>
    public string? ProposedOrganization { get; init; }
}

/// <summary>What the draft found in one talk or section.</summary>
public sealed record DraftFindings(
    IReadOnlyList<DraftMention> Mentions, IReadOnlyList<DraftNearMiss> NearMisses, IReadOnlyList<DraftCandidate> Candidates,
    IReadOnlyList<DraftSpeaker> Speakers, IReadOnlyList<string> Organizations, IReadOnlyList<DraftPerson> UnknownPeople);

/// <summary>
/// A draft of the catalog entries for a notes file: the YAML to edit and import, and what it was made from.
/// </summary>
/// <param name="NotesPath">The path the notes are to be imported under (<c>notes/NAME.md</c>).</param>
/// <param name="CatalogPath">The path for the drafted YAML (<c>catalog/NAME.yaml</c>).</param>
/// <param name="Headings">Every heading of the notes, in order, with what the draft made of it.</param>
/// <param name="NearMisses">Every near-miss spelling and look-up-only form found, in line order.</param>
/// <param name="Candidates">Terms the catalog lacks, most frequent first.</param>
public sealed record NotesDraft(
    string NotesPath, string CatalogPath, string Title, string Language,
    IReadOnlyList<DraftHeading> Headings, IReadOnlyList<DraftNearMiss> NearMisses, IReadOnlyList<DraftCandidate> Candidates,
    int MentionCount, string Yaml);

/// <summary>
/// What a blog's front matter says of a post (<c>title</c>, <c>date</c>, <c>url</c>/<c>slug</c>/<c>permalink</c>,
/// <c>tags</c>), and whether the post writes up an event (then its headings may be talks).
/// </summary>
/// <param name="Published">The post's date as YYYY-MM-DD, when the front matter gives one.</param>
public sealed record PostFacts(string? Title, string? Published, string? Url, IReadOnlyList<string> Tags, bool IsConference);
