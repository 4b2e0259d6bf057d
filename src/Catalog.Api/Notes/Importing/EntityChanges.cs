using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Api.Notes.Importing;

/// <summary>How many rows of one kind an import added, updated and removed.</summary>
public sealed record EntityChanges(string Entity, int Added, int Updated, int Removed)
{
    public static IReadOnlyList<EntityChanges> Of(ImportResult result) =>
        result.Changes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new EntityChanges(c.Key, c.Value.Added, c.Value.Updated, c.Value.Removed)).ToList();
}
