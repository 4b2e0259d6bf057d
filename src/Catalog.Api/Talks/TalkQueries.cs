using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Talks;

public sealed class TalkQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    private static readonly SortKey<Talk, string> ByTitle = SortKey.ByName<Talk>(t => t.Title);
    private static readonly SortKey<Talk, int> ByPosition = SortKey.ByNumber<Talk>(t => t.Position);

    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<TalkType>("talk", "A talk", (catalog, slug) => catalog.TalksBySlug.GetValueOrDefault(slug));
        query.ConnectionField<object?, TalkType, Talk>("talks")
            .Description("Talks, filtered and ordered. " + PageSize.Describe("talks"))
            .Argument<StringGraphType>("event", "Only the talks of this event (slug).")
            .Argument<StringGraphType>("organization", "Only the talks given for this organisation (slug).")
            .Argument<StringGraphType>("technology", "Only the talks whose notes mention this technology (slug, name or alias).")
            .Argument<StringGraphType>("speaker", "Only the talks of this speaker (slug).")
            .Argument<TalkOrderType>("orderBy", a => { a.DefaultValue = TalkOrder.Notes; a.Description = "The order."; })
            .Resolve(c =>
            {
                var catalog = c.Catalog();
                IEnumerable<Talk> rows = c.GetArgument("orderBy", TalkOrder.Notes) == TalkOrder.Title ? catalog.TalksByTitle : catalog.TalksInOrder;
                if (c.GetArgument<string?>("event") is { } ev)
                {
                    var eventId = catalog.EventsBySlug.GetValueOrDefault(ev)?.Id;
                    rows = rows.Where(t => t.EventId == eventId);
                }
                if (c.GetArgument<string?>("organization") is { } organization)
                {
                    var given = catalog.OrganizationsBySlug.TryGetValue(organization, out var found) ? catalog.TalksOfOrganization[found.Id].ToHashSet() : [];
                    rows = rows.Where(given.Contains);
                }
                if (c.GetArgument<string?>("speaker") is { } speaker)
                {
                    var person = catalog.FindPerson(speaker);
                    var given = person is null || person.Slug != speaker ? [] : catalog.TalksOfPerson[person.Id].ToHashSet();
                    rows = rows.Where(given.Contains);
                }
                if (c.GetArgument<string?>("technology") is { } technology)
                {
                    var found = catalog.FindTechnology(technology) ?? throw TechnologyQueries.NotFound("technology", technology);
                    var covered = (catalog.TalksOf.GetValueOrDefault(found.Id) ?? []).ToHashSet();
                    rows = rows.Where(covered.Contains);
                }
                var list = rows as IReadOnlyList<Talk> ?? [.. rows];
                return c.GetArgument("orderBy", TalkOrder.Notes) == TalkOrder.Title
                    ? Keyset.Page(list, ByTitle, c.First(), c.After())
                    : Keyset.Page(list, ByPosition, c.First(), c.After());
            });
    }
}
