namespace Catalog.Ingest.Import;

/// <summary>What importing or removing files through the API did.</summary>
/// <param name="Import">The import of the effective seed that it ran.</param>
/// <param name="Paths">The paths imported or removed.</param>
/// <param name="Documents">The slugs of the notes documents the imported files hold (a notes file's, or one a catalog file defines).</param>
public sealed record ImportedFilesResult(ImportResult Import, IReadOnlyList<string> Paths, IReadOnlyList<string> Documents);
