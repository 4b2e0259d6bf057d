using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Organizations;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Paths;

public sealed class PathQueries : IQueryFields
{
    public const int DefaultMaxHops = 4;
    public const int MaxHops = 6;

    public void AddTo(ObjectGraphType query) =>
        query.Field<TechnologyPathType>("path")
            .Description(
                "A shortest path from one technology to another, for exploring: through typed relations (walked either way), " +
                "shared talks (technology, a talk that mentions it, another technology it mentions) and shared organisations " +
                "(technology, its maintainer or creator, another technology it makes). Among equally short paths, relations are " +
                "preferred to talks and talks to organisations. Null when there is none within `maxHops` steps.")
            .Argument<NonNullGraphType<StringGraphType>>("from", "Where to start: a technology's slug, name or any alias, as for `technology(slug:)`.")
            .Argument<NonNullGraphType<StringGraphType>>("to", "Where to arrive: a technology's slug, name or any alias.")
            .Argument<IntGraphType>("maxHops", a => { a.DefaultValue = DefaultMaxHops; a.Description = $"The most steps the path may have, between 1 and {MaxHops}; {DefaultMaxHops} by default."; })
            .ResolveAsync(async c =>
            {
                var maxHops = c.GetArgument("maxHops", DefaultMaxHops);
                if (maxHops is < 1 or > MaxHops)
                    throw new ExecutionError($"'maxHops' must be between 1 and {MaxHops}; it was {maxHops}.") { Code = ErrorCodes.BadMaxHops };
                await using var db = await c.DbAsync();
                return await FindAsync(db, c.GetArgument<string>("from"), c.GetArgument<string>("to"), maxHops, c.CancellationToken);
            });

    public static async Task<TechnologyPath?> FindAsync(CatalogDbContext db, string fromText, string toText, int maxHops, CancellationToken ct)
    {
        var (fromKey, toKey) = (TechnologyAlias.Normalize(fromText), TechnologyAlias.Normalize(toText));
        var keys = new[] { fromKey, toKey };
        var found = await db.TechnologyAliases.AsNoTracking().Where(a => keys.Contains(a.Normalized))
            .Select(a => new { a.Normalized, a.TechnologyId }).ToDictionaryAsync(a => a.Normalized, a => a.TechnologyId, ct).ConfigureAwait(false);
        if (!found.TryGetValue(fromKey, out var fromId)) throw TechnologyQueries.NotFound("technology", fromText);
        if (!found.TryGetValue(toKey, out var toId)) throw TechnologyQueries.NotFound("technology", toText);

        var graph = await TechnologyGraph.LoadAsync(db, ct).ConfigureAwait(false);
        var edges = graph.ShortestPath(new GraphNode(GraphNodeKind.Technology, fromId), new GraphNode(GraphNodeKind.Technology, toId), maxHops);
        if (edges is null) return null;

        // The path's own nodes, as whole entities for `node`: at most one query per kind.
        var nodes = new[] { new GraphNode(GraphNodeKind.Technology, fromId) }.Concat(edges.Select(e => e.To)).ToList();
        int[] Ids(GraphNodeKind kind) => nodes.Where(n => n.Kind == kind).Select(n => n.Id).Distinct().ToArray();
        var (technologyIds, talkIds, organizationIds) = (Ids(GraphNodeKind.Technology), Ids(GraphNodeKind.Talk), Ids(GraphNodeKind.Organization));
        var technologies = await db.Technologies.AsNoTracking().Where(t => technologyIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct).ConfigureAwait(false);
        var talks = talkIds.Length == 0 ? [] : await db.Talks.AsNoTracking().Where(t => talkIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct).ConfigureAwait(false);
        var organizations = organizationIds.Length == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct).ConfigureAwait(false);

        PathNode Node(GraphNode node)
        {
            switch (node.Kind)
            {
                case GraphNodeKind.Technology:
                    var technology = technologies[node.Id];
                    return new PathNode("Technology", technology.Name, technology.Slug, technology);
                case GraphNodeKind.Talk:
                    var talk = talks[node.Id];
                    return new PathNode("Talk", talk.Title, talk.Slug, talk);
                default:
                    var organization = organizations[node.Id];
                    return new PathNode("Organization", organization.Name, organization.Slug, organization);
            }
        }

        return new TechnologyPath(edges.Select(e => new PathStep(Node(e.From), Node(e.To), e.Via)).ToList());
    }
}
