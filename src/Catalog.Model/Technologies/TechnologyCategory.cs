
namespace Catalog.Model.Technologies;

/// <summary>A technology's place in a category; position 0 is its primary category.</summary>
public sealed class TechnologyCategory
{
    public int TechnologyId { get; init; }
    public int CategoryId { get; init; }
    public int Position { get; set; }
    public Category? Category { get; init; }
}
