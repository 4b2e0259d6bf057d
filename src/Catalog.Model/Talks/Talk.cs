namespace Catalog.Model.Talks;

/// <summary>A talk at an event, titled exactly as the notes write it.</summary>
public sealed class Talk : IEntity, ISlugged
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; set; }
    public int EventId { get; set; }

    /// <summary>The talk's place in the order of the notes.</summary>
    public int Position { get; set; }
}
