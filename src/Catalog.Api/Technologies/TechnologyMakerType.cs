using Catalog.Api.Graph.Plans;
using Catalog.Api.Organizations;
using Catalog.Api.Snapshot;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyMakerType : ObjectGraphType<TechnologyOrganization>
{
    public TechnologyMakerType()
    {
        Name = "TechnologyMaker";
        Description = "An organisation that maintains or created a technology.";
        Field<NonNullGraphType<OrganizationType>>("organization").Description("The organisation.")
            .Resolve(c => c.Catalog().Organizations[c.Source.OrganizationId]);
        Field<NonNullGraphType<TechnologyType>>("technology").Description("The technology.")
            .Resolve(c => c.Catalog().Technologies[c.Source.TechnologyId]);
        Field<NonNullGraphType<OrganizationRoleType>>("role").Description("Maintainer or creator.").Resolve(c => c.Source.Role);
        Field<StringGraphType>("sourceUrl").Description("Where this fact comes from.").Resolve(c => c.Source.SourceUrl);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
