using Catalog.Api.Data;
using Catalog.Api.Events;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Technologies;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Talks;

public sealed class TalkType : ObjectGraphType<Talk>
{
    public TalkType()
    {
        Name = "Talk";
        Description = "A talk at an event, as the notes record it.";
        this.IsNode(t => t.Id);
        Field(t => t.Slug).Description("The unique, URL-safe key.");
        Field(t => t.Title).Description("The title exactly as the notes write it.");
        Field<NonNullGraphType<EventType>>("event").Description("The event it was given at.").Resolve(c => c.Required<Event>(c.Source.EventId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("speakers")
            .Description("The speakers, in the order the notes give them; empty when the notes name none.")
            .Resolve(c => Speakers(c).Then(s => s.Select(x => x.Person!).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkSpeakerType>>>>("speakerAffiliations")
            .Description("Each speaker with the organisation they spoke for.")
            .Resolve(c => Speakers(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("organizations")
            .Description("The organisations behind the talk: the speakers' and any the talk names.")
            .Resolve(c => c.Loaders().LoadMany<int, Organization>("talk.organizations", c.Source.Id, async (db, ids, ct) =>
                (await OrganizationsOf.ReadAsync(db, [OwnSql.Integers(ids)], row => (TalkId: row.GetInt32(0), Organization: EntityRows.Organization(row, 1)), ct))
                .ToLookup(x => x.TalkId, x => x.Organization)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyType>>>>("technologies")
            .Description("The technologies the notes of this talk mention, in order of first mention.")
            .Resolve(c => c.Loaders().LoadMany<int, Technology>("talk.technologies", c.Source.Id, async (db, ids, ct) =>
                (await (from m in db.Mentions
                        join s in db.Sections on m.SectionId equals s.Id
                        join t in db.Technologies on m.TechnologyId equals t.Id
                        where s.TalkId != null && ids.Contains(s.TalkId.Value)
                        select new { TalkId = s.TalkId!.Value, m.Line, m.Column, Technology = t }).AsNoTracking().ToListAsync(ct))
                .OrderBy(x => x.Line).ThenBy(x => x.Column)
                .DistinctBy(x => (x.TalkId, x.Technology.Id))
                .ToLookup(x => x.TalkId, x => x.Technology)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every mention of a technology in this talk's notes, in line order.")
            .Resolve(c => c.Loaders().LoadMany<int, Mention>("talk.mentions", c.Source.Id, async (db, ids, ct) =>
                (await (from m in db.Mentions
                        join s in db.Sections on m.SectionId equals s.Id
                        where s.TalkId != null && ids.Contains(s.TalkId.Value)
                        orderby m.Line, m.Column
                        select new { TalkId = s.TalkId!.Value, Mention = m }).AsNoTracking().ToListAsync(ct))
                .ToLookup(x => x.TalkId, x => x.Mention)));
        Field<SectionType>("section").Description("The talk's section of the notes.")
            .Resolve(c => c.Loaders().Load<int, Section?>("talk.section", c.Source.Id, async (db, ids, ct) =>
                await db.Sections.AsNoTracking().Where(s => s.TalkId != null && ids.Contains(s.TalkId.Value)).ToDictionaryAsync(s => s.TalkId!.Value, s => (Section?)s, ct), null));
    }

    private static GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<TalkSpeaker>> Speakers(GraphQL.IResolveFieldContext<Talk> c) =>
        c.Loaders().LoadMany<int, TalkSpeaker>("talk.speakers", c.Source.Id, async (db, ids, ct) =>
            (await SpeakersOf.ReadAsync(db, [OwnSql.Integers(ids)], row => EntityRows.TalkSpeaker(row, 0), ct)).ToLookup(s => s.TalkId));

    // The talk's people and organisations are asked for with nearly every talk: the service's own SQL.
    private static readonly OwnSql SpeakersOf = new($"""
        SELECT {EntityRows.Select(EntityRows.TalkSpeakerColumns, "s")}, {EntityRows.Select(EntityRows.PersonColumns, "p")}
        FROM talk_speakers s JOIN people p ON p.id = s.person_id
        WHERE s.talk_id = ANY(@ids)
        ORDER BY s.talk_id, s.position
        """, "ids");

    private static readonly OwnSql OrganizationsOf = new($"""
        SELECT o.talk_id, {EntityRows.Select(EntityRows.OrganizationColumns, "g")}
        FROM talk_organizations o JOIN organizations g ON g.id = o.organization_id
        WHERE o.talk_id = ANY(@ids)
        ORDER BY o.talk_id, o.position
        """, "ids");
}

