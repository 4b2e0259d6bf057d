using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class OrganizationRoleType : EnumerationGraphType<OrganizationRole>
{
    public OrganizationRoleType()
    {
        Name = "OrganizationRole";
        Description = "What an organisation does for a technology.";
    }
}
