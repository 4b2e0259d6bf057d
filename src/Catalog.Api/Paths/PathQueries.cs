using Catalog.Api.Graph;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Paths;

public sealed class PathQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

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
            .Resolve(c =>
            {
                var maxHops = c.GetArgument("maxHops", DefaultMaxHops);
                if (maxHops is < 1 or > MaxHops)
                    throw new ExecutionError($"'maxHops' must be between 1 and {MaxHops}; it was {maxHops}.") { Code = ErrorCodes.BadMaxHops };
                return Find(c.Catalog(), c.GetArgument<string>("from"), c.GetArgument<string>("to"), maxHops);
            });

    public static TechnologyPath? Find(CatalogSnapshot catalog, string fromText, string toText, int maxHops)
    {
        var from = catalog.FindTechnology(fromText) ?? throw TechnologyQueries.NotFound("technology", fromText);
        var to = catalog.FindTechnology(toText) ?? throw TechnologyQueries.NotFound("technology", toText);
        var edges = catalog.Graph.ShortestPath(new GraphNode(GraphNodeKind.Technology, from.Id), new GraphNode(GraphNodeKind.Technology, to.Id), maxHops);
        if (edges is null) return null;

        PathNode Node(GraphNode node)
        {
            switch (node.Kind)
            {
                case GraphNodeKind.Technology:
                    var technology = catalog.Technologies[node.Id];
                    return new PathNode("Technology", technology.Name, technology.Slug, technology);
                case GraphNodeKind.Talk:
                    var talk = catalog.Talks[node.Id];
                    return new PathNode("Talk", talk.Title, talk.Slug, talk);
                default:
                    var organization = catalog.Organizations[node.Id];
                    return new PathNode("Organization", organization.Name, organization.Slug, organization);
            }
        }

        return new TechnologyPath(edges.Select(e => new PathStep(Node(e.From), Node(e.To), e.Via)).ToList());
    }
}
