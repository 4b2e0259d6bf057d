using Catalog.Ingest.Import;


namespace Catalog.Ingest.Landscape;

// A landscape.yml as read: categories > subcategories > items, each with where it is in its file. Only the keys
// Catalog uses are read; the format has many more, and a newer file may add others.

public sealed record LandscapeFile(string Path, IReadOnlyList<LandscapeCategory> Categories);

public sealed record LandscapeCategory(SeedAt At, string Name, IReadOnlyList<LandscapeSubcategory> Subcategories);

public sealed record LandscapeSubcategory(SeedAt At, string Name, IReadOnlyList<LandscapeItem> Items);

/// <summary>A category and subcategory by name, as the landscape writes a path ("Runtime / Container Runtime").</summary>
public sealed record LandscapePath(string Category, string Subcategory)
{
    public override string ToString() => $"{Category} / {Subcategory}";
}

/// <summary>
/// One item: a technology, or in the categories <c>CNCF Members</c> and <c>Special</c>, an organisation's listing.
/// <paramref name="Dates"/> are the CNCF's (extra.accepted, extra.incubating, extra.graduated, extra.archived).
/// </summary>
public sealed record LandscapeItem(
    SeedAt At, LandscapePath Path, string Name, string? Homepage, string? Repository, string? Logo, string? Crunchbase,
    Maturity? Maturity, LandscapeDates Dates, string? Description, IReadOnlyList<LandscapePath> SecondPaths,
    DateOnly? Joined, bool Specification);

public sealed record LandscapeDates(DateOnly? Accepted, DateOnly? Incubating, DateOnly? Graduated, DateOnly? Archived);
