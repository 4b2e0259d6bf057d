namespace Catalog.Api.Technologies;

/// <summary>The filters and the order of a technologies list.</summary>
public sealed record TechnologyFilter(
    string? Category = null,
    bool IncludeSubcategories = true,
    string? Organization = null,
    string? Event = null,
    TechnologyKind? Kind = null,
    TechnologyOrder Order = TechnologyOrder.Name);

