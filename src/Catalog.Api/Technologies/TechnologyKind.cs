namespace Catalog.Api.Technologies;

public enum TechnologyKind
{
    Project,
    Product,
    CloudService,
    Specification,
    Protocol,
    Concept,
    KernelFeature,
}
