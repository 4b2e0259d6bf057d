namespace Catalog.Api.Notes.Importing;

/// <summary>Paths of files imported through the API, to remove.</summary>
public sealed record RemoveImportedNotesInput(IReadOnlyList<string> Paths);
