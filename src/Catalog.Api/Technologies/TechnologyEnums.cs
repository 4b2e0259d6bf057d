using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyKindType : EnumerationGraphType<TechnologyKind>
{
    public TechnologyKindType()
    {
        Name = "TechnologyKind";
        Description = "What sort of thing a technology is.";
    }
}

public sealed class AliasKindType : EnumerationGraphType<AliasKind>
{
    public AliasKindType()
    {
        Name = "AliasKind";
        Description = "How an alias relates to the name: an abbreviation, a reading, a former name, a spelling the notes use...";
    }
}

public sealed class RelationKindType : EnumerationGraphType<RelationKind>
{
    public RelationKindType()
    {
        Name = "RelationKind";
        Description = "The kind of a typed relation between two technologies, read from the first to the second: Istio USES Envoy.";
    }
}

public sealed class OrganizationRoleType : EnumerationGraphType<OrganizationRole>
{
    public OrganizationRoleType()
    {
        Name = "OrganizationRole";
        Description = "What an organisation does for a technology.";
    }
}
