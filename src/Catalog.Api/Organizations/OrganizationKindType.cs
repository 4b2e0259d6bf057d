using Catalog.Api.Graph;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Organizations;

public sealed class OrganizationKindType : EnumerationGraphType<OrganizationKind>
{
    public OrganizationKindType()
    {
        Name = "OrganizationKind";
        Description = "What sort of organisation this is.";
    }
}
