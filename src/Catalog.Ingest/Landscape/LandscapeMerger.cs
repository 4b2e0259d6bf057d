using Catalog.Ingest.Import;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// Merges the CNCF landscape files of the seed (<c>landscape/*.yml</c>) into the curated catalog before it is
/// checked: the curated entries win, the landscape adds what they lack, and nothing is listed twice. See
/// <see cref="LandscapeCategories"/>, <see cref="LandscapeOrganizations"/> and <see cref="LandscapeTechnologies"/>.
/// </summary>
internal static class LandscapeMerger
{
    /// <param name="imported">The files imported through the API, whose aliases name landscape technologies but never join two.</param>
    public static LandscapeReport Merge(SeedCatalog catalog, IReadOnlyList<LandscapeFile> files, IReadOnlySet<string> imported, List<SeedError> errors)
    {
        var categories = new LandscapeCategories(catalog);
        var organizations = new LandscapeOrganizations(catalog, errors);
        var items = new List<LandscapeItem>();
        var count = 0;
        foreach (var category in files.SelectMany(f => f.Categories))
        {
            var listed = category.Subcategories.SelectMany(s => s.Items).ToList();
            count += listed.Count;
            if (LandscapeOrganizations.Lists(category.Name))
            {
                foreach (var item in listed) organizations.Collect(item);
                continue;
            }
            categories.Place(category);
            items.AddRange(listed);
        }
        organizations.Resolve();
        var technologies = new LandscapeTechnologies(catalog, categories, organizations, imported);
        technologies.Merge(items);
        return new LandscapeReport(
            count, technologies.Added, technologies.Merged, organizations.Added, organizations.Merged, categories.Added,
            technologies.MakersUnnamed, organizations.Unnamed, technologies.Descriptions, technologies.UnknownPaths, technologies.LeftOut)
        {
            Abbreviations = technologies.Abbreviations,
        };
    }
}
