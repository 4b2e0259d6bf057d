using Catalog.Api.Notes;

namespace Catalog.Api.Import;

/// <summary>What <c>importNotes</c> did, with the documents the imported files hold.</summary>
public sealed record ImportNotesPayload(ImportedFilesResult Result, IReadOnlyList<SourceDocument> Documents);
