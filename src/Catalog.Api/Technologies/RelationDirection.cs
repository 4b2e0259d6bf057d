using System.ComponentModel;

namespace Catalog.Api.Technologies;

public enum RelationDirection
{
    [Description("This technology is the subject: \"Istio uses Envoy\", seen from Istio.")]
    Outgoing,
    [Description("This technology is the object: \"Istio uses Envoy\", seen from Envoy.")]
    Incoming,
}
