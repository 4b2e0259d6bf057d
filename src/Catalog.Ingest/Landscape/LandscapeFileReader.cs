using System.Security.Cryptography;
using System.Text;
using Catalog.Ingest.Import;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// Reads a CNCF landscape data file (<c>landscape:</c> → categories → subcategories → items, the format the
/// landscape2 project documents) with the line of every entry, collecting every problem as <c>file:line</c>.
/// Keys Catalog does not use are ignored rather than rejected: the file is the landscape's, not ours, and newer
/// versions add keys.
/// </summary>
internal static class LandscapeFileReader
{
    // The last file read without problems. Every import reads the whole effective seed again (each API import of
    // notes too), and the landscape is most of it: about half a second of parsing that an unchanged file need not
    // cost twice. The records read are immutable.
    private static Cached? _last;

    private sealed record Cached(string Key, LandscapeFile File);

    public static LandscapeFile Read(string file, string text, List<SeedError> errors)
    {
        var key = file + "\0" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        if (Volatile.Read(ref _last) is { } last && last.Key == key) return last.File;
        var before = errors.Count;
        var read = Parse(file, text, errors);
        if (errors.Count == before) Volatile.Write(ref _last, new Cached(key, read));
        return read;
    }

    private static LandscapeFile Parse(string file, string text, List<SeedError> errors)
    {
        if (YamlText.Load(file, text, errors) is not { } stream) return new LandscapeFile(file, []);
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : (int)stream.Documents[^1].RootNode.Start.Line;
            errors.Add(new SeedError(file, line, "A landscape file is one YAML mapping with the key 'landscape' (a list of categories)."));
            return new LandscapeFile(file, []);
        }

        if (Child(root, "landscape") is null)
        {
            errors.Add(new SeedError(file, (int)root.Start.Line, "A landscape file is one YAML mapping with the key 'landscape' (a list of categories)."));
            return new LandscapeFile(file, []);
        }
        var categories = new List<LandscapeCategory>();
        foreach (var categoryNode in List(root, "landscape", file, errors))
        {
            var category = new YamlMap(categoryNode, file, errors);
            var name = category.Required("name");
            var subcategories = new List<LandscapeSubcategory>();
            foreach (var subcategoryNode in List(categoryNode, "subcategories", file, errors))
            {
                var subcategory = new YamlMap(subcategoryNode, file, errors);
                var path = new LandscapePath(name, subcategory.Required("name"));
                var items = List(subcategoryNode, "items", file, errors).Select(item => ReadItem(new YamlMap(item, file, errors), path)).ToList();
                subcategories.Add(new LandscapeSubcategory(subcategory.At, path.Subcategory, items));
            }
            categories.Add(new LandscapeCategory(category.At, name, subcategories));
        }
        return new LandscapeFile(file, categories);
    }

    /// <summary>
    /// A list of mappings under a key; a key with nothing after it (<c>items:</c>, as the landscape writes an empty
    /// subcategory) is an empty list.
    /// </summary>
    private static IEnumerable<YamlMappingNode> List(YamlMappingNode parent, string key, string file, List<SeedError> errors)
    {
        switch (Child(parent, key))
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                yield break;
            case YamlSequenceNode sequence:
                foreach (var entry in sequence)
                {
                    if (entry is YamlMappingNode mapping) yield return mapping;
                    else errors.Add(new SeedError(file, (int)entry.Start.Line, $"Each entry of '{key}' must be a mapping of keys to values."));
                }
                break;
            case var other:
                errors.Add(new SeedError(file, (int)other.Start.Line, $"'{key}' must be a list."));
                break;
        }
    }

    private static YamlNode? Child(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static LandscapeItem ReadItem(YamlMap item, LandscapePath path)
    {
        var extra = item.Map("extra");
        var dates = extra is null
            ? new LandscapeDates(null, null, null, null)
            : new LandscapeDates(extra.Date("accepted"), extra.Date("incubating"), extra.Date("graduated"), extra.Date("archived"));
        var secondPaths = new List<LandscapePath>();
        foreach (var text in item.Strings("second_path"))
        {
            var at = text.IndexOf(" / ", StringComparison.Ordinal);
            if (at <= 0) item.Error($"'second_path' entries are written 'Category / Subcategory', not '{text}'.");
            else secondPaths.Add(new LandscapePath(text[..at].Trim(), text[(at + 3)..].Trim()));
        }
        return new LandscapeItem(
            item.At, path, item.Required("name"), item.Url("homepage_url"), item.Url("repo_url"), item.Optional("logo"),
            item.Url("crunchbase"), item.OptionalEnum<Maturity>("project"), dates, item.Optional("description"), secondPaths,
            item.Date("joined"), extra?.Bool("specification", false) ?? false);
    }
}
