using Catalog.Ingest.Import;

namespace Catalog.Ingest.Linking;

/// <summary>The linking vocabulary of a seed being imported: its technologies, their linkable forms and their context.</summary>
internal static class PlanVocabulary
{
    public static LinkVocabulary From(SeedCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<PlannedAlias>> aliases)
    {
        var categories = catalog.Categories.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var names = catalog.Technologies.ToDictionary(t => t.Slug, t => t.Name, StringComparer.Ordinal);
        return new LinkVocabulary(catalog.Technologies.Where(t => aliases.ContainsKey(t.Slug)).Select(t => new LinkTechnology(
            t.Slug,
            aliases[t.Slug].Where(a => a.Match && a.Kind != AliasKind.Slug).Select(a => new LinkForm(a.Text, a.CaseSensitive, a.Ambiguity)).ToList(),
            t.Categories,
            t.Relations.Select(r => r.Target).ToList(),
            t.Organizations.Select(o => o.Organization).ToList(),
            t.Homepage,
            t.Repository,
            string.Join('\n', t.Definitions.SelectMany(d => new[] { d.Short, d.Long ?? "" })
                .Concat(t.Categories.Where(categories.ContainsKey).SelectMany(c => new[] { categories[c].NameEn, categories[c].NameJa }))
                .Concat(t.Relations.Select(r => names.GetValueOrDefault(r.Target) ?? ""))))));
    }
}
