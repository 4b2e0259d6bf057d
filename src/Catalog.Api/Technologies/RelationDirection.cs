namespace Catalog.Api.Technologies;

public enum RelationDirection
{
    /// <summary>This technology is the subject: "Istio uses Envoy", seen from Istio.</summary>
    Outgoing,
    /// <summary>This technology is the object: "Istio uses Envoy", seen from Envoy.</summary>
    Incoming,
}

