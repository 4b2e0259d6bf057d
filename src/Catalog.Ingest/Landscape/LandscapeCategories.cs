using Catalog.Ingest.Import;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// Places the landscape's categories and subcategories in the catalog's category tree, which follows the landscape:
/// a landscape category is the top-level category of that English name (or alias), a subcategory the child of that
/// name (or alias) under it, since the same subcategory name appears under several categories ("Framework",
/// "Observability"). What the tree lacks is added with the landscape's English name, which also stands as the
/// Japanese name (the column is required) until a curated entry gives one.
/// </summary>
internal sealed class LandscapeCategories(SeedCatalog catalog)
{
    private readonly Dictionary<LandscapePath, string> _slugs = [];

    /// <summary>The categories added, as "Category" or "Category / Subcategory".</summary>
    public List<string> Added { get; } = [];

    public void Place(LandscapeCategory category)
    {
        var parent = Find(null, category.Name) ?? Add(category.Name, null, category.At);
        foreach (var subcategory in category.Subcategories)
            _slugs[new LandscapePath(category.Name, subcategory.Name)] = (Find(parent.Slug, subcategory.Name) ?? Add(subcategory.Name, parent, subcategory.At)).Slug;
    }

    /// <summary>Whether a catalog category is the landscape's Wasm category or under it.</summary>
    public bool InWasm(string slug)
    {
        var wasm = Find(null, "Wasm")?.Slug;
        return wasm is not null && (slug == wasm || catalog.Categories.Any(c => c.Slug == slug && c.Parent == wasm));
    }

    /// <summary>The catalog category of a landscape path, or null when the landscape has no such subcategory.</summary>
    public string? SlugOf(LandscapePath path) => _slugs.GetValueOrDefault(path);

    private SeedCategory? Find(string? parent, string name)
    {
        var key = Keys.Name(name);
        return catalog.Categories.FirstOrDefault(c => c.Parent == parent && (Keys.Name(c.NameEn) == key || c.Aliases.Any(a => Keys.Name(a) == key)));
    }

    private SeedCategory Add(string name, SeedCategory? parent, SeedAt at)
    {
        var taken = catalog.Categories.Select(c => c.Slug).Concat(catalog.Categories.SelectMany(c => c.Aliases).Select(Keys.Name)).ToHashSet(StringComparer.Ordinal);
        var slug = Keys.Slug(name);
        // "Observability" under a second parent becomes "ai-native-infra-observability".
        if ((slug.Length == 0 || taken.Contains(slug)) && parent is not null) slug = Keys.Slug(parent.Slug + " " + name);
        var unique = Keys.Unique(slug.Length == 0 ? "category" : slug, taken.Contains);
        var category = new SeedCategory(at, unique, name, name, parent?.Slug, []);
        catalog.Categories.Add(category);
        Added.Add(parent is null ? name : $"{parent.NameEn} / {name}");
        return category;
    }
}
