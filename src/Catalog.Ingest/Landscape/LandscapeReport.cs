using Catalog.Ingest.Import;

namespace Catalog.Ingest.Landscape;

/// <summary>A landscape item left out of the catalog, and why.</summary>
public sealed record LeftOutItem(string Name, string Slug, string Reason, string File, int Line);

/// <summary>A landscape item merged into a curated technology or organisation, and what matched.</summary>
public sealed record LandscapeMerge(string Name, string Slug, string MatchedBy);

/// <summary>What the CNCF landscape files added to the curated catalog in one import.</summary>
public sealed record LandscapeReport(
    int Items,
    int TechnologiesAdded,
    IReadOnlyList<LandscapeMerge> TechnologiesMerged,
    int OrganizationsAdded,
    IReadOnlyList<LandscapeMerge> OrganizationsMerged,
    IReadOnlyList<string> CategoriesAdded,
    int MakersUnnamed,
    int MembersUnnamed,
    int Descriptions,
    IReadOnlyList<SeedError> UnknownPaths,
    IReadOnlyList<LeftOutItem> LeftOut)
{
    /// <summary>Abbreviations written beside names ("Google Kubernetes Engine (GKE)") given to their technologies.</summary>
    public int Abbreviations { get; init; }

    /// <summary>The lines the import command prints and logs.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"landscape: {Items} items; {TechnologiesAdded} technologies added, {TechnologiesMerged.Count} items merged into curated technologies, "
            + $"{OrganizationsAdded} organisations added, {OrganizationsMerged.Count} merged into curated ones, {CategoriesAdded.Count} categories added";
        foreach (var group in TechnologiesMerged.GroupBy(m => m.MatchedBy))
            yield return $"landscape: technologies merged by {group.Key}: {string.Join(", ", group.Select(m => m.Name == m.Slug ? m.Name : $"{m.Name} → {m.Slug}"))}";
        foreach (var group in OrganizationsMerged.GroupBy(m => m.MatchedBy))
            yield return $"landscape: organisations merged by {group.Key}: {string.Join(", ", group.Select(m => $"{m.Name} → {m.Slug}"))}";
        if (Abbreviations > 0) yield return $"landscape: {Abbreviations} abbreviations written beside names became aliases (GKE of \"Google Kubernetes Engine (GKE)\")";
        if (Descriptions > 0) yield return $"landscape: {Descriptions} descriptions kept as the landscape's text";
        if (MakersUnnamed > 0) yield return $"landscape: {MakersUnnamed} technologies without a maker: their Crunchbase organisation has no name in the landscape or the curated catalog";
        if (MembersUnnamed > 0) yield return $"landscape: {MembersUnnamed} member listings left out: non-public members, or listings that name no organisation";
        foreach (var item in LeftOut) yield return $"landscape: {item.File}:{item.Line}: '{item.Name}' left out: {item.Reason}";
        foreach (var path in UnknownPaths) yield return $"landscape: {path.File}:{path.Line}: second path left out, no such subcategory: {path.Message}";
    }
}
