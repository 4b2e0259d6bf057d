using System.Security.Cryptography;
using System.Text;
using Catalog.Ingest.Landscape;

namespace Catalog.Ingest.Import;

/// <summary>
/// A file of the effective seed: its path as in the seed folder (<c>catalog/x.yaml</c>, <c>notes/x.md</c>), its
/// text, and whether it came from the seed folder or was imported through the API (kept in <c>imported_files</c>).
/// </summary>
public sealed record SeedFile(string Path, string Text, bool Imported = false);

/// <summary>
/// Checks a set of seed files (catalog/*.yaml and notes/*.md) into an <see cref="ImportPlan"/>. The seed folder
/// is one source of files; the files imported through the API are the other.
/// </summary>
public static class SeedLoader
{
    /// <summary>What imported files are called in messages that also name folder files.</summary>
    public const string ImportedPrefix = "imported:";

    /// <summary>Loads and checks the seed folder alone, or throws a <see cref="SeedException"/> listing every problem.</summary>
    public static ImportPlan Load(string seedRoot) => Load(seedRoot, ReadFolder(seedRoot), []);

    /// <summary>
    /// Loads the folder's files with the imported ones, naming folder files as a person at the current directory
    /// would type them and imported files <c>imported:catalog/x.yaml</c> in errors.
    /// </summary>
    public static ImportPlan Load(string seedRoot, IReadOnlyList<SeedFile> folder, IReadOnlyList<SeedFile> imported)
    {
        var root = Path.GetFullPath(seedRoot);
        try
        {
            return Load(Merge(folder, imported));
        }
        catch (SeedException e)
        {
            var importedPaths = imported.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var folderPaths = folder.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            throw new SeedException(e.Errors.Select(error => error with
            {
                File = importedPaths.Contains(error.File) && !folderPaths.Contains(error.File) ? ImportedPrefix + error.File : Display(root, error.File),
            }).ToList());
        }
    }

    /// <summary>
    /// Loads and checks a set of files; errors name files by their seed paths. Folder files come first (their
    /// documents and talks are listed first), so a clash between a folder file and an imported one is reported
    /// on the imported one.
    /// </summary>
    public static ImportPlan Load(IEnumerable<SeedFile> files)
    {
        var ordered = files.OrderBy(f => f.Imported).ThenBy(f => f.Path, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The seed file '{duplicate.Key}' is given twice.", nameof(files));

        var errors = new List<SeedError>();
        var catalog = new SeedCatalog();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ordered.Where(f => IsCatalogPath(f.Path) || IsNotesPath(f.Path)))
        {
            var count = errors.Count;
            errors.AddRange(SeedText.Check(file.Path, file.Text, IsNotesPath(file.Path)));
            if (errors.Count > count) unreadable.Add(file.Path);
        }
        foreach (var file in ordered.Where(f => IsCatalogPath(f.Path) && !unreadable.Contains(f.Path))) CatalogFileReader.Read(file.Path, file.Text, catalog, errors);
        var landscapes = ordered.Where(f => IsLandscapePath(f.Path)).Select(f => LandscapeFileReader.Read(f.Path, f.Text, errors)).ToList();
        // The landscape is merged into a valid curated catalog only: its problems are reported either way.
        var imported = ordered.Where(f => f.Imported).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var landscape = landscapes.Count > 0 && errors.Count == 0 ? LandscapeMerger.Merge(catalog, landscapes, imported, errors) : null;
        var notes = ordered.Where(f => IsNotesPath(f.Path)).ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        // Without the landscape, what the catalog files say of its technologies (their definitions, aliases) has nothing to say it of.
        if (landscapes.Count == 0) catalog.ForgetUnknownTechnologies();
        var plan = errors.Count == 0 ? new SeedCompiler(catalog, notes, errors).Compile(Hash(ordered)) : null;

        if (plan is null || errors.Count > 0)
            throw new SeedException(errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList());
        return plan with { Landscape = landscape };
    }

    /// <summary>
    /// The effective seed: the folder's files and the imported ones. A folder file wins over an imported file of
    /// the same path (the document was moved into the repository).
    /// </summary>
    public static List<SeedFile> Merge(IReadOnlyList<SeedFile> folder, IReadOnlyList<SeedFile> imported)
    {
        var folderPaths = folder.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return [.. folder.Select(f => f with { Imported = false }), .. imported.Where(f => !folderPaths.Contains(f.Path)).Select(f => f with { Imported = true })];
    }

    /// <summary>
    /// The seed folder's catalog/**/*.yaml|yml, landscape/*.yml and notes/**/*.md files, as paths relative to it with
    /// forward slashes.
    /// </summary>
    public static List<SeedFile> ReadFolder(string seedRoot)
    {
        var root = Path.GetFullPath(seedRoot);
        if (!Directory.Exists(Path.Combine(root, "catalog")))
            throw new SeedException([new SeedError(Display(root, "catalog"), 0, $"The seed folder '{root}' has no catalog/ folder.")]);
        var files = new List<SeedFile>();
        var errors = new List<SeedError>();
        foreach (var path in FolderPaths(root))
        {
            var (text, error) = ReadText(Path.Combine(root, path));
            if (error is not null) errors.Add(new SeedError(Display(root, path), error.Value.Line, error.Value.Message));
            else files.Add(new SeedFile(path, text!));
        }
        if (errors.Count > 0) throw new SeedException(errors);
        return files;
    }

    /// <summary>
    /// A file's text, decoded as strict UTF-8 (a byte order mark is skipped), or the line of its first byte that is
    /// not UTF-8, or why it could not be read.
    /// </summary>
    public static (string? Text, (int Line, string Message)? Error) ReadText(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, (0, $"The file cannot be read: {e.Message}"));
        }
        var body = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        if (System.Text.Unicode.Utf8.IsValid(body)) return (Encoding.UTF8.GetString(body), null);
        var (line, column, offset) = (1, 1, 0);
        while (offset < body.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return (null, (line, $"The file is not valid UTF-8: byte 0x{body[offset]:X2} at column {column}. Save it as UTF-8."));
            if (body[offset] == (byte)'\n') (line, column) = (line + 1, 0);
            offset += consumed;
            column++;
        }
        return (Encoding.UTF8.GetString(body), null);
    }

    /// <summary>The paths of the seed folder's files, without reading them.</summary>
    public static IEnumerable<string> FolderPaths(string seedRoot)
    {
        var root = Path.GetFullPath(seedRoot);
        return Files(root, "catalog", "*.yaml").Concat(Files(root, "catalog", "*.yml")).Concat(Files(root, "notes", "*.md"))
            .Concat(Files(root, "landscape", "*.yml", SearchOption.TopDirectoryOnly)).Order(StringComparer.Ordinal);
    }

    internal static bool IsCatalogPath(string path) =>
        path.StartsWith("catalog/", StringComparison.Ordinal) && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>A CNCF landscape data file, as published (landscape/NAME.yml).</summary>
    internal static bool IsLandscapePath(string path) =>
        path.StartsWith("landscape/", StringComparison.Ordinal) && path.EndsWith(".yml", StringComparison.Ordinal) && path.IndexOf('/', 10) < 0;

    internal static bool IsNotesPath(string path) => path.StartsWith("notes/", StringComparison.Ordinal) && path.EndsWith(".md", StringComparison.Ordinal);

    /// <summary>Files under a subfolder, as paths relative to the seed root with forward slashes.</summary>
    private static IEnumerable<string> Files(string root, string folder, string pattern, SearchOption depth = SearchOption.AllDirectories)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, pattern, depth).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
    }

    /// <summary>A file's path as a person at the current directory would type it.</summary>
    private static string Display(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        var fromHere = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return fromHere.StartsWith("..", StringComparison.Ordinal) ? full : fromHere;
    }

    /// <summary>
    /// The seed's identity: a hash over every folder file's path and text, then every imported file's (marked as
    /// imported, since the origin decides the order of documents). A folder alone hashes as it always did.
    /// </summary>
    internal static string Hash(IEnumerable<SeedFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Imported).ThenBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes((file.Imported ? ImportedPrefix : "") + file.Path + "\0" + file.Text + "\0"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
