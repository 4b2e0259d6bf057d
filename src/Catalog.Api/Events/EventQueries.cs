using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Notes;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Events;

public sealed class EventQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.FieldBySlug<EventType, Event>("event", "An event");
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventType>>>>("events")
            .Description("Every event, the latest first.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await db.Events.AsNoTracking().OrderByDescending(e => e.Date).ThenBy(e => e.Id).ToListAsync(c.CancellationToken);
            });
        query.FieldBySlug<SourceDocumentType, SourceDocument>("document", "A notes document");
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceDocumentType>>>>("documents")
            .Description("Every notes document.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await db.Documents.AsNoTracking().OrderBy(d => d.Id).ToListAsync(c.CancellationToken);
            });
    }
}
