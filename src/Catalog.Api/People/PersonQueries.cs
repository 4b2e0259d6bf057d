// ToLower() in these queries is translated to SQL lower(); it never runs as .NET culture-sensitive code.
#pragma warning disable CA1304, CA1311, CA1862

using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Graph.Paging;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.People;

public sealed class PersonQueries : IQueryFields
{
    private static readonly SortKey<Person, string> ByName = new(p => p.Name.ToLower());

    public void AddTo(ObjectGraphType query)
    {
        query.Field<PersonType>("person")
            .Description("A speaker by slug or by handle (with or without the @).")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The person's slug or handle.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                var key = c.GetArgument<string>("slug").Trim().TrimStart('@').ToLowerInvariant();
                return await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == key || (p.Handle != null && p.Handle.ToLower() == key), c.CancellationToken);
            });
        query.ConnectionField<object?, PersonType, Person>("people")
            .Description("Speakers by name. " + PageSize.Describe("people"))
            .Argument<StringGraphType>("organization", "Only people who spoke for this organisation (slug).")
            .ResolveAsync(async c =>
            {
                var organization = c.GetArgument<string?>("organization");
                return await Keyset.PageAsync(c.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), db =>
                {
                    var q = db.People.AsNoTracking();
                    if (organization is not null)
                        q = q.Where(p => db.TalkSpeakers.Any(s => s.PersonId == p.Id && db.Organizations.Any(o => o.Id == s.OrganizationId && o.Slug == organization)));
                    return q;
                }, ByName, false, c.First(), c.After(), c.CancellationToken);
            });
    }
}
