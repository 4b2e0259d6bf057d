namespace Catalog.Api.Notes.Importing;

/// <summary>Seed files to import through the API.</summary>
public sealed record ImportNotesInput(IReadOnlyList<ImportNotesFileInput> Files);
