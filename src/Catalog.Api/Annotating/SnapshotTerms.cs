using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Annotating;

namespace Catalog.Api.Annotating;

/// <summary>A technology's name and short definition as the glossary serves them: written, or composed from the catalog's facts.</summary>
public static class SnapshotTerms
{
    public static TermDefinition? Define(CatalogSnapshot catalog, string slug, Lang lang)
    {
        if (catalog.FindTechnology(slug) is not { } technology || technology.Slug != slug) return null;
        var picked = DefinitionView.Pick(catalog.DefinitionsFor(technology.Id), lang);
        return new TermDefinition(technology.Name, picked?.Definition.Short, picked?.Source == DefinitionSource.Facts);
    }
}
