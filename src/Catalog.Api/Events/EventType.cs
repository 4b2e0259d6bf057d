using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Notes;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using GraphQL.Types;

namespace Catalog.Api.Events;

public sealed class EventType : ObjectGraphType<Event>
{
    public EventType()
    {
        Name = "Event";
        Description = "A conference edition.";
        this.IsNode(e => e.Id);
        Field(e => e.Slug).Description("The unique, URL-safe key.");
        Field(e => e.Name).Description("The conference's name.");
        Field(e => e.Edition, nullable: true).Description("The edition (v18.04).");
        Field<DateOnlyGraphType>("date").Description("The day it took place (ISO 8601), when known.").Resolve(c => c.Source.Date);
        Field(e => e.City, nullable: true).Description("The city it took place in.");
        Field(e => e.Homepage, nullable: true).Description("The event's site.");
        Field(e => e.SourceUrl, nullable: true).Description("Where the facts about the event come from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The event's talks, in the order of the notes.")
            .Resolve(c => c.Catalog().TalksOfEvent[c.Source.Id]);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceDocumentType>>>>("documents")
            .Description("The notes written about the event.")
            .Resolve(c => c.Catalog().DocumentsOfEvent[c.Source.Id]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
