using System.ComponentModel;

namespace Catalog.Model.Technologies;

public enum RelationKind
{
    [Description("The first technology uses the second (Istio uses Envoy).")]
    Uses,
    [Description("The first technology implements what the second specifies (CRI-O implements CRI).")]
    Implements,
    [Description("The first technology can be used instead of the second (flannel is an alternative to Calico).")]
    AlternativeTo,
    [Description("The first technology is a part of the second.")]
    PartOf,
    [Description("The first technology works together with the second without depending on it.")]
    IntegratesWith,
}
