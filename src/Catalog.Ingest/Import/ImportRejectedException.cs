namespace Catalog.Ingest.Import;

/// <summary>Why a request to change the imported files was refused before anything was read or written.</summary>
public enum ImportRejection
{
    /// <summary>The path is not catalog/NAME.yaml|yml or notes/NAME.md.</summary>
    InvalidPath,

    /// <summary>The path is a file of the seed folder, which the repository manages.</summary>
    SeedFolderPath,

    /// <summary>The same path twice in one request.</summary>
    Duplicate,

    /// <summary>No file was imported under the path.</summary>
    NotImported,

    /// <summary>The request names no file.</summary>
    Empty,
}

/// <summary>A request to import or remove files that is refused as a whole; nothing was written.</summary>
public sealed class ImportRejectedException(ImportRejection reason, string? path, string message) : Exception(message)
{
    public ImportRejection Reason { get; } = reason;

    /// <summary>The path the refusal is about, when it is about one.</summary>
    public string? Path { get; } = path;
}
