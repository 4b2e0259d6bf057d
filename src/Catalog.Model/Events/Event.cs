namespace Catalog.Model.Events;

/// <summary>A conference edition.</summary>
public sealed class Event : IEntity, ISlugged
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string? Edition { get; set; }
    public DateOnly? Date { get; set; }
    public string? City { get; set; }
    public string? Homepage { get; set; }
    public string? SourceUrl { get; set; }
}
