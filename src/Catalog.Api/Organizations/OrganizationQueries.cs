// ToLower() in these queries is translated to SQL lower(); it never runs as .NET culture-sensitive code.
#pragma warning disable CA1304, CA1311, CA1862

using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Graph.Paging;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Organizations;

public sealed class OrganizationQueries : IQueryFields
{
    private static readonly SortKey<Organization, string> ByName = new(o => o.Name.ToLower());

    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<OrganizationType, Organization>("organization", "An organisation");
        query.ConnectionField<object?, OrganizationType, Organization>("organizations")
            .Description("Organisations by name. " + PageSize.Describe("organisations"))
            .Argument<OrganizationKindType>("kind", "Only organisations of this kind.")
            .Argument<BooleanGraphType>("withTalks", "Only organisations that talks were given for.")
            .ResolveAsync(async c =>
            {
                var kind = c.GetArgument<OrganizationKind?>("kind");
                var withTalks = c.GetArgument("withTalks", false);
                return await Keyset.PageAsync(c.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), db =>
                {
                    var q = db.Organizations.AsNoTracking();
                    if (kind is { } k) q = q.Where(o => o.Kind == k);
                    if (withTalks) q = q.Where(o => db.TalkOrganizations.Any(t => t.OrganizationId == o.Id));
                    return q;
                }, ByName, false, c.First(), c.After(), c.CancellationToken);
            });
    }
}
