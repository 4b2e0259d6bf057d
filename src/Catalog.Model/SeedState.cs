namespace Catalog.Model;

/// <summary>The single row that records which seed the database holds.</summary>
public sealed class SeedState
{
    public int Id { get; init; }
    public required string SeedHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
