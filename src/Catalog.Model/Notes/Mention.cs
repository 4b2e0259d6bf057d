namespace Catalog.Model.Notes;

/// <summary>One place in the notes where a technology is named: the matched text and its whole line.</summary>
public sealed class Mention
{
    public long Id { get; init; }
    public int SectionId { get; init; }
    public int TechnologyId { get; set; }
    public int? AliasId { get; set; }
    /// <summary>1-based line number in the notes file.</summary>
    public int Line { get; init; }
    /// <summary>1-based column of the match, in UTF-16 code units.</summary>
    public int Column { get; init; }
    public required string MatchedText { get; set; }
    public required string LineText { get; set; }
}
