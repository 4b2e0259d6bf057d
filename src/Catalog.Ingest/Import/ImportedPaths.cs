using System.Text.RegularExpressions;

namespace Catalog.Ingest.Import;

/// <summary>The paths a file imported through the API may have.</summary>
public static partial class ImportedPaths
{
    public const int MaxLength = Catalog.Model.Configurations.Limits.ImportedPath;

    /// <summary>Why <paramref name="path"/> cannot be imported, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length is 0 or > MaxLength) return $"A path has 1 to {MaxLength} characters.";
        if (path.Contains('\\', StringComparison.Ordinal)) return "A path uses forward slashes, never backslashes.";
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal)) return "A path is relative to the seed folder, never absolute.";
        if (path.Contains("..", StringComparison.Ordinal)) return "A path may not contain '..'.";
        return Allowed().IsMatch(path) ? null : "A path is catalog/NAME.yaml, catalog/NAME.yml or notes/NAME.md, where NAME is letters, digits, '.', '_' and '-'.";
    }

    // One level below catalog/ or notes/, as the seed folder is laid out; NAME starts with a letter or digit.
    [GeneratedRegex(@"\A(catalog/[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml|notes/[A-Za-z0-9][A-Za-z0-9._-]*\.md)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Allowed();
}
