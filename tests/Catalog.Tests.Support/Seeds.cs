namespace Catalog.Tests.Infrastructure;

/// <summary>The repository's seed folder, and scratch copies of it that a test may break.</summary>
public static class Seeds
{
    public static string Repository { get; } = Find();

    /// <summary>A private copy of the seed in a temporary folder.</summary>
    public static ScratchSeed Copy() => new(Repository);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seed = Path.Combine(dir.FullName, "seed");
            if (Directory.Exists(Path.Combine(seed, "catalog")) && File.Exists(Path.Combine(dir.FullName, "Catalog.sln"))) return seed;
        }
        throw new DirectoryNotFoundException("The repository's seed/ folder was not found above " + AppContext.BaseDirectory);
    }
}

public sealed class ScratchSeed : IDisposable
{
    public ScratchSeed(string source)
    {
        Root = Path.Combine(Path.GetTempPath(), "catalog-seed-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string text) => File.WriteAllText(PathOf(relative), text);

    /// <summary>Replaces exactly one occurrence of a text in a file, so a test breaks the seed where it means to.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Read(relative);
        var at = text.IndexOf(oldText, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(oldText, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"'{oldText}' must occur exactly once in {relative}.");
        Write(relative, text[..at] + newText + text[(at + oldText.Length)..]);
    }

    /// <summary>The 1-based line of the first occurrence of a text in a file.</summary>
    public int LineOf(string relative, string text)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"'{text}' is not in {relative}.");
        return index + 1;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
