using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class RelationKindType : EnumerationGraphType<RelationKind>
{
    public RelationKindType()
    {
        Name = "RelationKind";
        Description = "The kind of a typed relation between two technologies, read from the first to the second: Istio USES Envoy.";
    }
}
