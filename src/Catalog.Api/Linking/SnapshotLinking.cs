using System.Runtime.CompilerServices;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Linking;

namespace Catalog.Api.Linking;

/// <summary>How the service gets a snapshot's linker (<see cref="SnapshotLinking.Of"/>): a seam a test can hold back.</summary>
public delegate Linker LinkerOf(CatalogSnapshot catalog);

/// <summary>
/// The linker of a catalog snapshot: the same decision the importer makes, with the catalog as the last import left it,
/// plus what only the stored catalog knows (the talks that covered two technologies together).
/// </summary>
public static class SnapshotLinking
{
    // One linker per snapshot, built on first use and gone with its snapshot.
    private static readonly ConditionalWeakTable<CatalogSnapshot, Linker> Made = [];

    public static Linker Of(CatalogSnapshot catalog) => Made.GetValue(catalog, c => new Linker(Vocabulary(c)));

    public static LinkVocabulary Vocabulary(CatalogSnapshot catalog)
    {
        var slugs = catalog.Technologies.ToDictionary(t => t.Key, t => t.Value.Slug);
        var coveredWith = new Dictionary<int, HashSet<string>>();
        foreach (var technologies in catalog.TechnologiesOfTalk.Values)
        {
            foreach (var technology in technologies)
            {
                if (!coveredWith.TryGetValue(technology.Id, out var others)) coveredWith[technology.Id] = others = new(StringComparer.Ordinal);
                foreach (var other in technologies) if (other.Id != technology.Id) others.Add(other.Slug);
            }
        }
        return new LinkVocabulary(catalog.Technologies.Values.Select(t => new LinkTechnology(
            t.Slug,
            catalog.AllAliasesOf[t.Id].Where(a => a.Match && a.Kind != AliasKind.Slug).Select(a => new LinkForm(a.Text, a.CaseSensitive, a.Ambiguity)).ToList(),
            catalog.CategoriesOf[t.Id].Select(c => c.Slug).ToList(),
            catalog.RelationsOf[t.Id].Where(r => r.Direction == RelationDirection.Outgoing).Select(r => slugs[r.OtherId])
                .Concat(coveredWith.GetValueOrDefault(t.Id) ?? []).ToList(),
            catalog.MakersOf[t.Id].Select(m => catalog.Organizations[m.OrganizationId].Slug).ToList(),
            t.Homepage,
            t.Repository,
            Gloss(catalog, t.Id))));
    }

    private static string Gloss(CatalogSnapshot catalog, int technologyId) =>
        string.Join('\n', catalog.DefinitionsFor(technologyId).Definitions.SelectMany(d => new[] { d.Short, d.Long ?? "" })
            .Concat(catalog.CategoriesOf[technologyId].SelectMany(c => new[] { c.NameEn, c.NameJa }))
            .Concat(catalog.RelationsOf[technologyId].Where(r => r.Direction == RelationDirection.Outgoing).Select(r => catalog.Technologies[r.OtherId].Name)));
}
