namespace Catalog.Api.Technologies;

public enum RelationKind
{
    Uses,
    Implements,
    AlternativeTo,
    PartOf,
    IntegratesWith,
}
