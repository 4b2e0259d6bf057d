namespace Catalog.Api.Paths;

/// <summary>A path between two technologies, one step per edge walked.</summary>
public sealed record TechnologyPath(IReadOnlyList<PathStep> Steps)
{
    public int Length => Steps.Count;
}

/// <summary>One edge of a path, in the direction walked, and how it connects its ends.</summary>
public sealed record PathStep(PathNode From, PathNode To, string Via);

/// <summary>A technology, talk or organisation on a path, with the entity itself for <c>node</c>.</summary>
public sealed record PathNode(string Type, string Name, string Slug, object Node);
