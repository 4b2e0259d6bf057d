namespace Catalog.Model.Notes;

/// <summary>A heading of the notes and the lines under it, up to the next heading.</summary>
public sealed class Section : IEntity
{
    public int Id { get; init; }
    public int DocumentId { get; init; }
    public required string Slug { get; init; }
    public required SectionKind Kind { get; set; }
    /// <summary>Null for the preamble before the first heading.</summary>
    public string? Heading { get; set; }
    public int Level { get; set; }
    public int Position { get; set; }
    public int StartLine { get; set; }
    public int EndLine { get; set; }
    public int? TalkId { get; set; }
}
