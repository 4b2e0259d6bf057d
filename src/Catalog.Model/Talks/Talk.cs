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

    /// <summary>The time slot as the notes write it ("10:00 - 10:30", "13:00〜"); null when they give none.</summary>
    public string? Time { get; set; }

    /// <summary>The track, room or session number as the notes write it ("Room A", "B-2", "#3"); null when they give none.</summary>
    public string? Track { get; set; }
}
