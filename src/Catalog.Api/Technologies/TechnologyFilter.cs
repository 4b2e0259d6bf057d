namespace Catalog.Api.Technologies;

/// <summary>
/// The filters and the order of a technologies list. <paramref name="CategoryId"/> is for a category already loaded
/// (the Category.technologies field): it saves looking the category up again by slug.
/// </summary>
public sealed record TechnologyFilter(
    string? Category = null,
    bool IncludeSubcategories = true,
    string? Organization = null,
    string? Event = null,
    TechnologyKind? Kind = null,
    TechnologyOrder Order = TechnologyOrder.Name,
    int? CategoryId = null,
    Maturity? Maturity = null);

