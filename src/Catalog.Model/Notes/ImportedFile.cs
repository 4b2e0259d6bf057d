namespace Catalog.Model.Notes;

/// <summary>
/// A seed file imported through the API (<c>importNotes</c>). Together with the seed folder's files it makes the
/// effective seed, so every later import keeps it.
/// </summary>
public sealed class ImportedFile
{
    /// <summary>The path as in a seed folder: <c>catalog/NAME.yaml</c>, <c>catalog/NAME.yml</c> or <c>notes/NAME.md</c>.</summary>
    public required string Path { get; init; }
    public required string Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content's UTF-8 bytes.</summary>
    public required string Sha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The name of the API key that imported this version.</summary>
    public required string ImportedBy { get; set; }
}
