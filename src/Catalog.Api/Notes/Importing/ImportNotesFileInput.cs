namespace Catalog.Api.Notes.Importing;

/// <summary>One seed file to import: its path as in a seed folder and its text.</summary>
public sealed record ImportNotesFileInput(string Path, string Content);
