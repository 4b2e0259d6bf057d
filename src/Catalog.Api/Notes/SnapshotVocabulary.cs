using System.Runtime.CompilerServices;
using Catalog.Api.Snapshot;
using Catalog.Ingest.Drafting;

namespace Catalog.Api.Notes;

/// <summary>The vocabulary of a draft, taken from the catalog snapshot: the catalog as the last import or change left it.</summary>
public static class SnapshotVocabulary
{
    // One vocabulary per snapshot: drafts against the same catalog share it, and it goes with its snapshot.
    private static readonly ConditionalWeakTable<CatalogSnapshot, NotesVocabulary> Made = [];

    public static NotesVocabulary Of(CatalogSnapshot catalog) => Made.GetValue(catalog, Make);

    private static NotesVocabulary Make(CatalogSnapshot catalog) => new(
        catalog.TechnologiesByName.Select(t => new VocabularyTechnology(t.Slug, t.Name,
            catalog.AllAliasesOf[t.Id].Select(f => new VocabularyForm(f.Text, f.CaseSensitive, f.Match, f.Ambiguity is not null)).ToList())).ToList(),
        catalog.PeopleByName.Select(p => new VocabularyPerson(p.Slug, p.Name, p.Handle)).ToList(),
        catalog.OrganizationsByName.Select(o => new VocabularyOrganization(o.Slug, o.Name,
            new[] { o.Name, o.NameJa }.Concat(o.Aliases).OfType<string>().Distinct(StringComparer.Ordinal).ToList())).ToList(),
        catalog.EventsLatestFirst.Select(e => new VocabularyEvent(e.Slug, e.Name)).ToList(),
        catalog.DocumentsBySlug.Keys.ToHashSet(StringComparer.Ordinal),
        catalog.TalksBySlug.Keys.ToHashSet(StringComparer.Ordinal))
    {
        Linking = Linking.SnapshotLinking.Of(catalog).Vocabulary,
    };
}
