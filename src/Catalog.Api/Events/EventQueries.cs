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
        query.Field<EventType>("event")
            .Description("An event by slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The event's slug.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                var slug = c.GetArgument<string>("slug").Trim().ToLowerInvariant();
                return await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventType>>>>("events")
            .Description("Every event, the latest first.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await db.Events.AsNoTracking().OrderByDescending(e => e.Date).ThenBy(e => e.Id).ToListAsync(c.CancellationToken);
            });
        query.Field<SourceDocumentType>("document")
            .Description("A notes document by slug.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The document's slug.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                var slug = c.GetArgument<string>("slug").Trim().ToLowerInvariant();
                return await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceDocumentType>>>>("documents")
            .Description("Every notes document.")
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await db.Documents.AsNoTracking().OrderBy(d => d.Id).ToListAsync(c.CancellationToken);
            });
    }
}
