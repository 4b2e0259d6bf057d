namespace Catalog.Model.Notes;

/// <summary>A notes file: its metadata, its whole text and its sections.</summary>
public sealed class SourceDocument : IEntity, ISlugged
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    /// <summary>The file's path relative to the seed folder (or as imported through the API).</summary>
    public required string Path { get; set; }
    public required string Title { get; set; }
    public string? Blog { get; set; }
    public string? Author { get; set; }
    public required string Language { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Url { get; set; }
    public int? EventId { get; set; }
    public required string Content { get; set; }
}
