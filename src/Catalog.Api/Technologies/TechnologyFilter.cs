using GraphQL.Types;

namespace Catalog.Api.Technologies;

/// <summary>The filters and the order of a technologies list.</summary>
public sealed record TechnologyFilter(
    string? Category = null,
    bool IncludeSubcategories = true,
    string? Organization = null,
    string? Event = null,
    TechnologyKind? Kind = null,
    TechnologyOrder Order = TechnologyOrder.Name);

public enum TechnologyOrder
{
    /// <summary>By name, A to Z.</summary>
    Name,
    /// <summary>Most mentioned in the notes first.</summary>
    Mentions,
}

public sealed class TechnologyOrderType : EnumerationGraphType<TechnologyOrder>
{
    public TechnologyOrderType()
    {
        Name = "TechnologyOrder";
        Description = "The order of a technologies list; ties are broken by id.";
    }
}
