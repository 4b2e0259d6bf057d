using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class NodeQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

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

    /// <summary>The object a global ID names, from the request's snapshot; null when there is none.</summary>
    private static object? Load(IResolveFieldContext c, string globalId)
    {
        if (!GlobalId.TryDecode(globalId, out var type, out var id) || id is <= 0 or > int.MaxValue) return null;
        var catalog = c.Catalog();
        var key = (int)id;
        return type switch
        {
            "Technology" => catalog.Technologies.GetValueOrDefault(key),
            "Alias" => catalog.Aliases.GetValueOrDefault(key),
            "TechnologyRelation" => catalog.Relations.GetValueOrDefault(key) is { } r ? new RelationView(r, RelationDirection.Outgoing) : null,
            "Category" => catalog.Categories.GetValueOrDefault(key),
            "Organization" => catalog.Organizations.GetValueOrDefault(key),
            "Person" => catalog.People.GetValueOrDefault(key),
            "Event" => catalog.Events.GetValueOrDefault(key),
            "Talk" => catalog.Talks.GetValueOrDefault(key),
            "Section" => catalog.Sections.GetValueOrDefault(key),
            "SourceDocument" => catalog.Documents.GetValueOrDefault(key),
            "Mention" => catalog.Mentions.GetValueOrDefault(id),
            _ => null,
        };
    }
}
