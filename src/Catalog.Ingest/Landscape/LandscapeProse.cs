using System.Text;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// Removes the landscape's own sentences from a landscape file, keeping every other line as it is: the repository
/// holds the landscape's facts, not its words. Removed are each item's <c>description</c>, the prose summaries of
/// <c>extra</c> (<c>summary_use_case</c>, <c>summary_business_use_case</c>) and a subcategory's <c>note</c>.
/// </summary>
public static class LandscapeProse
{
    public static readonly string[] ItemKeys = ["description"];
    public static readonly string[] ExtraKeys = ["summary_use_case", "summary_business_use_case"];
    public static readonly string[] SubcategoryKeys = ["note"];

    /// <summary>
    /// The file without its prose, and how many entries were removed. Each removed entry is its key's line and the
    /// lines its value continues on (indented deeper than the key). The result is parsed again and must equal the
    /// original less those entries, or nothing is returned but an error.
    /// </summary>
    public static (string Text, int Removed) Strip(string text)
    {
        var original = Load(text);
        var keys = ProseKeys(original).ToList();
        var lines = text.Split('\n');
        var drop = new bool[lines.Length];
        foreach (var key in keys)
        {
            var first = (int)key.Start.Line - 1;
            var indent = (int)key.Start.Column - 1;
            if (lines[first][..indent].Trim().Length > 0)
                throw new InvalidOperationException($"Line {first + 1}: '{key.Value}' does not start its line; remove it by hand.");
            drop[first] = true;
            // A value continues on the lines indented deeper than its key; blank lines inside it go with it.
            var last = first;
            for (var i = first + 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                if (Indent(lines[i]) <= indent) break;
                last = i;
            }
            for (var i = first; i <= last; i++) drop[i] = true;
        }
        var result = string.Join('\n', lines.Where((_, i) => !drop[i]));
        if (Canonical(Load(result).RootNode, null) != Canonical(original.RootNode, keys.ToHashSet()))
            throw new InvalidOperationException("Removing the descriptions line by line changed other entries; the file needs a hand edit.");
        return (result, keys.Count);
    }

    private static YamlDocument Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Single();
    }

    private static IEnumerable<YamlScalarNode> ProseKeys(YamlDocument document)
    {
        if (document.RootNode is not YamlMappingNode root || Child(root, "landscape") is not YamlSequenceNode categories) yield break;
        foreach (var category in categories.OfType<YamlMappingNode>())
        {
            if (Child(category, "subcategories") is not YamlSequenceNode subcategories) continue;
            foreach (var subcategory in subcategories.OfType<YamlMappingNode>())
            {
                foreach (var key in Keys(subcategory, SubcategoryKeys)) yield return key;
                if (Child(subcategory, "items") is not YamlSequenceNode items) continue;
                foreach (var item in items.OfType<YamlMappingNode>())
                {
                    foreach (var key in Keys(item, ItemKeys)) yield return key;
                    if (Child(item, "extra") is YamlMappingNode extra)
                    {
                        foreach (var key in Keys(extra, ExtraKeys)) yield return key;
                    }
                }
            }
        }
    }

    private static IEnumerable<YamlScalarNode> Keys(YamlMappingNode mapping, string[] names) =>
        mapping.Children.Keys.OfType<YamlScalarNode>().Where(k => names.Contains(k.Value, StringComparer.Ordinal));

    private static YamlNode? Child(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>A node as comparable text, leaving out the entries whose keys are in <paramref name="skip"/>.</summary>
    private static string Canonical(YamlNode node, HashSet<YamlScalarNode>? skip)
    {
        var text = new StringBuilder();
        Write(node);
        return text.ToString();

        void Write(YamlNode n)
        {
            switch (n)
            {
                case YamlScalarNode scalar:
                    text.Append('"').Append(scalar.Value).Append('"');
                    break;
                case YamlSequenceNode sequence:
                    text.Append('[');
                    foreach (var child in sequence) { Write(child); text.Append(','); }
                    text.Append(']');
                    break;
                case YamlMappingNode mapping:
                    text.Append('{');
                    foreach (var (key, value) in mapping.Children)
                    {
                        if (skip is not null && key is YamlScalarNode s && skip.Contains(s)) continue;
                        Write(key); text.Append(':'); Write(value); text.Append(',');
                    }
                    text.Append('}');
                    break;
            }
        }
    }
}
