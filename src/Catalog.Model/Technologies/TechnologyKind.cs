using System.ComponentModel;

namespace Catalog.Model.Technologies;

public enum TechnologyKind
{
    [Description("An open-source project, developed in the open by a community or a foundation.")]
    Project,
    [Description("A product that a company sells or supports.")]
    Product,
    [Description("A service that a cloud provider runs, used through its API rather than installed.")]
    CloudService,
    [Description("A specification or interface that implementations follow (CRI, CNI, OCI).")]
    Specification,
    [Description("A network or wire protocol.")]
    Protocol,
    [Description("An idea or a practice rather than a piece of software (microservices, GitOps).")]
    Concept,
    [Description("A feature of the operating system's kernel (cgroups, namespaces, eBPF).")]
    KernelFeature,
}
