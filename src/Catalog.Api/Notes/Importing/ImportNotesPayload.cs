using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Api.Notes.Importing;

/// <summary>What <c>importNotes</c> did, with the documents the imported files hold.</summary>
public sealed record ImportNotesPayload(ImportedFilesResult Result, IReadOnlyList<SourceDocument> Documents);
