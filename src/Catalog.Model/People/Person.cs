namespace Catalog.Model.People;

/// <summary>A speaker, with the name as the notes write it.</summary>
public sealed class Person : IEntity
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string? Handle { get; set; }
}
