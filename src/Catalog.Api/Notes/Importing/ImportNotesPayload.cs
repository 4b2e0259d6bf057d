using Catalog.Api.Import;

namespace Catalog.Api.Notes.Importing;

/// <summary>What <c>importNotes</c> did, with the documents the imported files hold.</summary>
public sealed record ImportNotesPayload(ImportedFilesResult Result, IReadOnlyList<SourceDocument> Documents);
