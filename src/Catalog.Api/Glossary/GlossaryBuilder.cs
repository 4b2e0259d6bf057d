using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;

namespace Catalog.Api.Glossary;

/// <summary>The glossary of one snapshot in one language, built once and kept with that snapshot.</summary>
public static class GlossaryBuilder
{
    /// <summary>
    /// Every technology with a definition, by name: its linked terms (the name first), the definition in
    /// <paramref name="lang"/> or else the other language's, its category names (primary first) and the titles of
    /// the talks that covered it, in the order of the notes.
    /// </summary>
    public static GlossaryEntry[] Build(CatalogSnapshot catalog, Lang lang)
    {
        var entries = new List<GlossaryEntry>(catalog.TechnologiesByName.Count);
        foreach (var technology in catalog.TechnologiesByName)
        {
            if (DefinitionView.Pick(catalog.DefinitionsOf[technology.Id], lang) is not { } definition) continue;
            var terms = catalog.MatchTermsOf[technology.Id];
            entries.Add(new GlossaryEntry(
                technology.Slug,
                technology.Name,
                [.. terms.Where(a => !a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. terms.Where(a => a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.Ordinal)],
                definition.Definition.Short,
                definition.Definition.Lang,
                [.. catalog.CategoriesOf[technology.Id].Select(c => lang == Lang.Ja ? c.NameJa : c.NameEn)],
                [.. (catalog.TalksOf.GetValueOrDefault(technology.Id) ?? []).Select(t => t.Title).Distinct(StringComparer.Ordinal)],
                technology.Homepage ?? technology.Repository));
        }
        return [.. entries];
    }
}
