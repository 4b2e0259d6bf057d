using Catalog.Api.Graph;
using Catalog.Api.Notes;
using Catalog.Api.Snapshot;
using GraphQL.Types;

namespace Catalog.Api.Events;

public sealed class EventQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<EventType>("event", "An event", (catalog, slug) => catalog.EventsBySlug.GetValueOrDefault(slug));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventType>>>>("events")
            .Description("Every event, the latest first.")
            .Resolve(c => c.Catalog().EventsLatestFirst);
        query.FieldBySlug<SourceDocumentType>("document", "A notes document", (catalog, slug) => catalog.DocumentsBySlug.GetValueOrDefault(slug));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceDocumentType>>>>("documents")
            .Description("Every notes document.")
            .Resolve(c => c.Catalog().DocumentsInOrder);
    }
}
