using Catalog.Api.Events;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Talks;

public sealed class TalkType : ObjectGraphType<Talk>
{
    public TalkType()
    {
        Name = "Talk";
        Description = "A talk at an event, as the notes record it.";
        this.IsNode(t => t.Id);
        Field(t => t.Slug).Description("The unique, URL-safe key.");
        Field(t => t.Title).Description("The title as the notes write it, without the time slot, track or speakers written beside it.");
        Field(t => t.Time, nullable: true).Description("The time slot as the notes write it (\"10:00 - 10:30\", \"13:00〜\"), when they give one.");
        Field(t => t.Track, nullable: true).Description("The track, room or session number as the notes write it (\"Room A\", \"B-2\", \"#3\"), when they give one.");
        Field<NonNullGraphType<EventType>>("event").Description("The event it was given at.").Resolve(c => c.Catalog().Events[c.Source.EventId]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonType>>>>("speakers")
            .Description("The speakers, in the order the notes give them; empty when the notes name none.")
            .Resolve(c => c.Catalog().SpeakersOf[c.Source.Id].Select(s => s.Person!));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkSpeakerType>>>>("speakerAffiliations")
            .Description("Each speaker with the organisation they spoke for.")
            .Resolve(c => c.Catalog().SpeakersOf[c.Source.Id]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationType>>>>("organizations")
            .Description("The organisations behind the talk: the speakers' and any the talk names.")
            .Resolve(c => c.Catalog().OrganizationsOfTalk[c.Source.Id]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyType>>>>("technologies")
            .Description("The technologies the notes of this talk mention, in order of first mention.")
            .Resolve(c => c.Catalog().TechnologiesOfTalk.GetValueOrDefault(c.Source.Id) ?? []);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every mention of a technology in this talk's notes, in line order.")
            .Resolve(c => c.Catalog().MentionsOfTalk[c.Source.Id]);
        Field<SectionType>("section").Description("The talk's section of the notes.")
            .Resolve(c => c.Catalog().SectionOfTalk.GetValueOrDefault(c.Source.Id));
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
