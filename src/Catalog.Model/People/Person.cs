namespace Catalog.Model.People;

/// <summary>A speaker, with the name as the notes write it.</summary>
public sealed class Person : IEntity
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string? Handle { get; set; }

    /// <summary>The profile page the notes link the speaker to (their Twitter/X, GitHub ... page).</summary>
    public string? ProfileUrl { get; set; }
}
