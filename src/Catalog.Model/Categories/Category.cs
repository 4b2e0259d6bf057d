namespace Catalog.Model.Categories;

/// <summary>A node of the two-level category tree aligned with the CNCF landscape.</summary>
public sealed class Category : IEntity
{
    public int Id { get; init; }
    public required string Slug { get; init; }
    public required string NameEn { get; set; }
    public required string NameJa { get; set; }
    public int? ParentId { get; set; }
    public int Position { get; set; }

    /// <summary>The short names people use ("CNI", "service mesh").</summary>
    public List<string> Aliases { get; set; } = [];

    public Category? Parent { get; init; }
}
