using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Organizations;

public sealed class OrganizationType : ObjectGraphType<Organization>
{
    public OrganizationType()
    {
        Name = "Organization";
        Description = "A company, division, foundation or community: the speakers' employers and the makers of technologies.";
        this.IsNode(o => o.Id);
        Field(o => o.Slug).Description("The unique, URL-safe key.");
        Field(o => o.Name).Description("The name, in its usual (Latin-script) form.");
        Field(o => o.NameJa, nullable: true).Description("The Japanese name, when it has one.");
        Field<NonNullGraphType<OrganizationKindType>>("kind").Description("What sort of organisation this is.").Resolve(c => c.Source.Kind);
        Field(o => o.Homepage, nullable: true).Description("The official site.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names, including the spellings the notes use.").Resolve(c => c.Source.Aliases);
        Field(o => o.Membership, nullable: true)
            .Description("The CNCF membership tier, as the CNCF landscape names it: Platinum, Gold, Silver, Academic, Nonprofit, End User Supporter and Contributor; null when the landscape does not list it as a member.");
        Field<DateOnlyGraphType>("memberSince").Description("The day it joined the CNCF, when the landscape says.").Resolve(c => c.Source.MemberSince);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("cncfPrograms")
            .Description("The CNCF programmes the landscape lists it in: Kubernetes Certified Service Provider, Kubernetes and Cloud Native Training Partner, Certified CNFs (a network function of its own certified).")
            .Resolve(c => c.Source.CncfPrograms);
        Field(o => o.Crunchbase, nullable: true).Description("Its Crunchbase profile, which the CNCF landscape uses to tell organisations apart.");
        Field<OrganizationType>("parent").Description("The organisation this one belongs to (a division's company).")
            .Resolve(c => c.Source.ParentId is { } id ? c.Catalog().Organizations[id] : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The talks given for this organisation, in the order of the notes.")
            .Resolve(c => c.Catalog().TalksOfOrganization[c.Source.Id]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyMakerType>>>>("technologies")
            .Description("The technologies this organisation maintains or created, with the role and its source.")
            .Resolve(c => c.Catalog().TechnologiesOfOrganization[c.Source.Id]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
