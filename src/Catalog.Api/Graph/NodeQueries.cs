using Catalog.Api.Categories;
using Catalog.Api.Events;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Notes;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Graph;

public sealed class NodeQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NodeInterface>("node")
            .Description("Any object by its global ID; null when the ID is unknown or malformed.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global ID from an `id` field.")
            .Resolve(c => Load(c, c.GetArgument<string>("id")));
        query.Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description("Objects by their global IDs, in the same order; null for each unknown or malformed ID. At most 100 IDs.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids", "Global IDs from `id` fields.")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > Paging.PageSize.Max)
                    throw new ExecutionError($"'ids' may hold at most {Paging.PageSize.Max} IDs; it held {ids.Count}.") { Code = ErrorCodes.TooManyIds };
                return ids.Select(id => Load(c, id)).ToList();
            });
    }

    /// <summary>A pending load of the object a global ID names, batched with the other IDs of the request.</summary>
    private static object? Load(IResolveFieldContext c, string globalId)
    {
        if (!GlobalId.TryDecode(globalId, out var type, out var id) || id is <= 0 or > int.MaxValue) return null;
        var key = (int)id;
        return type switch
        {
            "Technology" => c.ById<Technology>(key),
            "Alias" => c.ById<TechnologyAlias>(key),
            "TechnologyRelation" => c.ById<TechnologyRelation>(key).Then(r => r is null ? null : new RelationView(r, RelationDirection.Outgoing)),
            "Category" => c.ById<Category>(key),
            "Organization" => c.ById<Organization>(key),
            "Person" => c.ById<Person>(key),
            "Event" => c.ById<Event>(key),
            "Talk" => c.ById<Talk>(key),
            "Section" => c.ById<Section>(key),
            "SourceDocument" => c.ById<SourceDocument>(key),
            "Mention" => c.Loaders().Load<long, Mention?>("Mention.byId", id, async (db, ids, ct) =>
                await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => (Mention?)m, ct), null),
            _ => null,
        };
    }
}
