using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Organizations;

public sealed class OrganizationQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    private static readonly SortKey<Organization, string> ByName = SortKey.ByName<Organization>(o => o.Name);

    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<OrganizationType>("organization", "An organisation", (catalog, slug) => catalog.OrganizationsBySlug.GetValueOrDefault(slug));
        query.ConnectionField<object?, OrganizationType, Organization>("organizations")
            .Description("Organisations by name. " + PageSize.Describe("organisations"))
            .Argument<OrganizationKindType>("kind", "Only organisations of this kind.")
            .Argument<BooleanGraphType>("withTalks", "Only organisations that talks were given for.")
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                IEnumerable<Organization> rows = catalog.OrganizationsByName;
                if (c.GetArgument<OrganizationKind?>("kind") is { } kind) rows = rows.Where(o => o.Kind == kind);
                if (c.GetArgument("withTalks", false)) rows = rows.Where(o => catalog.OrganizationsWithTalks.Contains(o.Id));
                return Keyset.Page(rows as IReadOnlyList<Organization> ?? [.. rows], ByName, c.First(), c.After());
            });
    }
}
