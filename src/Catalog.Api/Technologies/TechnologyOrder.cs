namespace Catalog.Api.Technologies;

public enum TechnologyOrder
{
    /// <summary>By name, A to Z.</summary>
    Name,
    /// <summary>Most mentioned in the notes first.</summary>
    Mentions,
}
