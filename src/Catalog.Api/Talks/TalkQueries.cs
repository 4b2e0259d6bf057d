// ToLower() in these queries is translated to SQL lower(); it never runs as .NET culture-sensitive code.
#pragma warning disable CA1304, CA1311, CA1862

using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Talks;

public sealed class TalkQueries : IQueryFields
{
    private static readonly SortKey<Talk, string> ByTitle = new(t => t.Title.ToLower());
    private static readonly SortKey<Talk, int> ByPosition = new(t => t.Position);

    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<TalkType, Talk>("talk", "A talk");
        query.ConnectionField<object?, TalkType, Talk>("talks")
            .Description("Talks, filtered and ordered. " + PageSize.Describe("talks"))
            .Argument<StringGraphType>("event", "Only the talks of this event (slug).")
            .Argument<StringGraphType>("organization", "Only the talks given for this organisation (slug).")
            .Argument<StringGraphType>("technology", "Only the talks whose notes mention this technology (slug, name or alias).")
            .Argument<StringGraphType>("speaker", "Only the talks of this speaker (slug).")
            .Argument<TalkOrderType>("orderBy", a => { a.DefaultValue = TalkOrder.Notes; a.Description = "The order."; })
            .ResolveAsync(async c =>
            {
                var ev = c.GetArgument<string?>("event");
                var organization = c.GetArgument<string?>("organization");
                var speaker = c.GetArgument<string?>("speaker");
                int? technologyId = null;
                if (c.GetArgument<string?>("technology") is { } technology)
                    technologyId = (await TechnologyQueries.FindAsync(c, technology) ?? throw TechnologyQueries.NotFound("technology", technology)).Id;

                IQueryable<Talk> Query(CatalogDbContext db)
                {
                    var q = db.Talks.AsNoTracking();
                    if (ev is not null) q = q.Where(t => db.Events.Any(e => e.Id == t.EventId && e.Slug == ev));
                    if (organization is not null) q = q.Where(t => db.TalkOrganizations.Any(o => o.TalkId == t.Id && db.Organizations.Any(x => x.Id == o.OrganizationId && x.Slug == organization)));
                    if (speaker is not null) q = q.Where(t => db.TalkSpeakers.Any(s => s.TalkId == t.Id && s.Person!.Slug == speaker));
                    if (technologyId is { } id) q = q.Where(t => db.Sections.Any(s => s.TalkId == t.Id && db.Mentions.Any(m => m.SectionId == s.Id && m.TechnologyId == id)));
                    return q;
                }

                var contexts = c.RequestServices!.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
                return c.GetArgument("orderBy", TalkOrder.Notes) == TalkOrder.Title
                    ? await Keyset.PageAsync(contexts, Query, ByTitle, false, c.First(), c.After(), c.CancellationToken)
                    : await Keyset.PageAsync(contexts, Query, ByPosition, false, c.First(), c.After(), c.CancellationToken);
            });
    }
}
