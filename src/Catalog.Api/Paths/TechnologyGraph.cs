using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;

namespace Catalog.Api.Paths;

public enum GraphNodeKind
{
    Technology,
    Talk,
    Organization,
}

public readonly record struct GraphNode(GraphNodeKind Kind, int Id);

public readonly record struct GraphEdge(GraphNode From, GraphNode To, string Via);

/// <summary>
/// The technology graph of one snapshot: technologies joined by typed relations (walkable both ways), by the talks
/// that mention them and by the organisations that make them. Built once per snapshot, on the first <c>path</c>.
/// </summary>
public sealed class TechnologyGraph
{
    private readonly Dictionary<GraphNode, List<GraphEdge>> _edges = [];

    private TechnologyGraph() { }

    public static TechnologyGraph Build(CatalogSnapshot catalog)
    {
        // Edges out of each node in the order the search tries them: relations, then talks, then organisations,
        // each by id, so that among equally short paths the one through relations wins, always the same one.
        var ordered = new List<(GraphEdge Edge, int Rank, int Key)>();
        foreach (var r in catalog.Relations.Values.Where(r => r.FromId != r.ToId))
        {
            var (forward, backward) = Labels(r.Kind);
            GraphNode from = new(GraphNodeKind.Technology, r.FromId), to = new(GraphNodeKind.Technology, r.ToId);
            ordered.Add((new GraphEdge(from, to, forward), 0, r.Id));
            ordered.Add((new GraphEdge(to, from, backward), 0, r.Id));
        }
        foreach (var (talkId, technologies) in catalog.TechnologiesOfTalk)
        {
            foreach (var t in technologies)
            {
                GraphNode technology = new(GraphNodeKind.Technology, t.Id), talk = new(GraphNodeKind.Talk, talkId);
                ordered.Add((new GraphEdge(technology, talk, "mentioned in talk"), 1, talkId));
                ordered.Add((new GraphEdge(talk, technology, "talk mentions"), 1, t.Id));
            }
        }
        foreach (var m in catalog.Technologies.Keys.SelectMany(id => catalog.MakersOf[id]).DistinctBy(m => (m.TechnologyId, m.OrganizationId)))
        {
            GraphNode technology = new(GraphNodeKind.Technology, m.TechnologyId), maker = new(GraphNodeKind.Organization, m.OrganizationId);
            ordered.Add((new GraphEdge(technology, maker, "made by"), 2, m.OrganizationId));
            ordered.Add((new GraphEdge(maker, technology, "makes"), 2, m.TechnologyId));
        }

        var graph = new TechnologyGraph();
        foreach (var (edge, _, _) in ordered.OrderBy(e => e.Rank).ThenBy(e => e.Key))
        {
            if (!graph._edges.TryGetValue(edge.From, out var list)) graph._edges[edge.From] = list = [];
            list.Add(edge);
        }
        return graph;
    }

    /// <summary>How a relation reads when walked forwards and backwards.</summary>
    public static (string Forward, string Backward) Labels(RelationKind kind) => kind switch
    {
        RelationKind.Uses => ("uses", "used by"),
        RelationKind.Implements => ("implements", "implemented by"),
        RelationKind.AlternativeTo => ("alternative to", "alternative to"),
        RelationKind.PartOf => ("part of", "has part"),
        RelationKind.IntegratesWith => ("integrates with", "integrates with"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown relation kind."),
    };

    /// <summary>
    /// A shortest path by breadth-first search, as the edges walked from <paramref name="from"/>; empty when both
    /// ends are the same node, null when <paramref name="to"/> is more than <paramref name="maxHops"/> steps away.
    /// </summary>
    public IReadOnlyList<GraphEdge>? ShortestPath(GraphNode from, GraphNode to, int maxHops)
    {
        if (from == to) return [];
        var reachedBy = new Dictionary<GraphNode, GraphEdge>();
        var frontier = new List<GraphNode> { from };
        for (var depth = 1; depth <= maxHops && frontier.Count > 0; depth++)
        {
            var next = new List<GraphNode>();
            foreach (var node in frontier)
            {
                if (!_edges.TryGetValue(node, out var edges)) continue;
                foreach (var edge in edges)
                {
                    if (edge.To == from || !reachedBy.TryAdd(edge.To, edge)) continue;
                    if (edge.To == to) return Walk(reachedBy, from, to);
                    next.Add(edge.To);
                }
            }
            frontier = next;
        }
        return null;
    }

    private static List<GraphEdge> Walk(Dictionary<GraphNode, GraphEdge> reachedBy, GraphNode from, GraphNode to)
    {
        var path = new List<GraphEdge>();
        for (var node = to; node != from; node = reachedBy[node].From) path.Add(reachedBy[node]);
        path.Reverse();
        return path;
    }
}
