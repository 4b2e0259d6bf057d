using System.Security.Cryptography;
using System.Text;

namespace Catalog.Api.Import;

/// <summary>Reads the seed folder (catalog/*.yaml and notes/*.md) and checks it into an <see cref="ImportPlan"/>.</summary>
public static class SeedLoader
{
    /// <summary>Loads and checks the seed, or throws a <see cref="SeedException"/> listing every problem.</summary>
    public static ImportPlan Load(string seedRoot)
    {
        var root = Path.GetFullPath(seedRoot);
        if (!Directory.Exists(Path.Combine(root, "catalog")))
            throw new SeedException([new SeedError(Display(root, "catalog"), 0, $"The seed folder '{root}' has no catalog/ folder.")]);

        var catalogFiles = Files(root, "catalog", "*.yaml").Concat(Files(root, "catalog", "*.yml")).Order(StringComparer.Ordinal).ToList();
        var notesFiles = Files(root, "notes", "*.md").Order(StringComparer.Ordinal).ToList();
        var texts = catalogFiles.Concat(notesFiles).ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f), Encoding.UTF8), StringComparer.Ordinal);

        var errors = new List<SeedError>();
        var catalog = new SeedCatalog();
        foreach (var file in catalogFiles) CatalogFileReader.Read(file, texts[file], catalog, errors);
        var notes = notesFiles.ToDictionary(f => f, f => texts[f], StringComparer.Ordinal);
        var plan = errors.Count == 0 ? new SeedCompiler(catalog, notes, errors).Compile(Hash(texts)) : null;

        if (plan is null || errors.Count > 0)
            throw new SeedException(errors.Select(e => e with { File = Display(root, e.File) }).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList());
        return plan;
    }

    /// <summary>Files under a subfolder, as paths relative to the seed root with forward slashes.</summary>
    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var directory = Path.Combine(root, folder);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, pattern, SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            : [];
    }

    /// <summary>A file's path as a person at the current directory would type it.</summary>
    private static string Display(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        var fromHere = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return fromHere.StartsWith("..", StringComparison.Ordinal) ? full : fromHere;
    }

    /// <summary>The seed's identity: a hash over every file's path and bytes.</summary>
    private static string Hash(Dictionary<string, string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (file, text) in texts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0" + text + "\0"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
