using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;

namespace Catalog.Api.Glossary;

/// <summary>The glossary of one snapshot in one language, built once and kept with that snapshot.</summary>
public static class GlossaryBuilder
{
    /// <summary>Every technology, by name (the order of <see cref="CatalogSnapshot.TechnologiesByName"/>).</summary>
    public static GlossaryEntry[] Build(CatalogSnapshot catalog, Lang lang)
    {
        var entries = new GlossaryEntry[catalog.TechnologiesByName.Count];
        for (var i = 0; i < entries.Length; i++) entries[i] = Entry(catalog, catalog.TechnologiesByName[i], lang);
        return entries;
    }

    /// <summary>
    /// One technology: its linked terms (the name first; the ambiguous ones apart, in <c>ContextTerms</c>), the definition in <paramref name="lang"/> or else the other
    /// language's (none for a technology known only from the landscape), its category names (primary first), the
    /// titles of the talks that covered it, in the order of the notes, and where to read more.
    /// </summary>
    public static GlossaryEntry Entry(CatalogSnapshot catalog, Technology technology, Lang lang)
    {
        var all = catalog.MatchTermsOf[technology.Id];
        var terms = all.Where(a => a.Ambiguity is null).ToList();
        var picked = DefinitionView.Pick(catalog.DefinitionsFor(technology.Id), lang);
        var definition = picked?.Definition;
        return new GlossaryEntry(
            technology.Id,
            technology.Slug,
            technology.Name,
            [.. terms.Where(a => !a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. terms.Where(a => a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.Ordinal)],
            definition?.Short,
            definition?.Lang,
            picked?.Source,
            [.. catalog.CategoriesOf[technology.Id].Select(c => lang == Lang.Ja ? c.NameJa : c.NameEn)],
            [.. (catalog.TalksOf.GetValueOrDefault(technology.Id) ?? []).Select(t => t.Title).Distinct(StringComparer.Ordinal)],
            technology.Homepage ?? technology.Repository)
        {
            ContextTerms = [.. all.Where(a => a.Ambiguity is not null).Select(a => a.Text).Distinct(StringComparer.OrdinalIgnoreCase)],
        };
    }
}
