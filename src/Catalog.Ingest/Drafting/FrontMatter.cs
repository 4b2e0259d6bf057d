using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Drafting;

/// <summary>What a post's front matter says, as far as a draft uses it.</summary>
internal sealed record FrontMatterFacts(string? Title, string? Date, string? Url, string? Slug, IReadOnlyList<string> Tags)
{
    public static FrontMatterFacts None { get; } = new(null, null, null, null, []);
}

/// <summary>
/// Reads a post's front matter: YAML between <c>---</c> lines (Jekyll, Hugo, Astro, Docusaurus) or TOML between
/// <c>+++</c> lines (Hugo). Only <c>title</c>, <c>date</c>, <c>url</c>, <c>permalink</c>, <c>slug</c> and <c>tags</c>
/// are read; other keys are left alone. The TOML read is the subset front matter uses: <c>key = value</c> with
/// strings, dates, numbers, booleans and arrays of strings, and <c>[table]</c> headers, whose keys are skipped.
/// </summary>
internal static partial class FrontMatter
{
    /// <returns>The facts, how many lines the front matter takes (fences included), or the problem at its line.</returns>
    public static (FrontMatterFacts Facts, int Lines, PostProblem? Problem) Read(IReadOnlyList<string> lines, string file)
    {
        if (lines.Count == 0 || lines[0].TrimEnd() is not ("---" or "+++")) return (FrontMatterFacts.None, 0, null);
        var fence = lines[0].TrimEnd();
        var end = -1;
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].TrimEnd() == fence || (fence == "---" && lines[i].TrimEnd() == "...")) { end = i; break; }
        }
        if (end < 0) return (FrontMatterFacts.None, 0, new PostProblem(PostProblem.FrontMatterInvalid, file, 1, $"The front matter opened with '{fence}' is never closed by another '{fence}' line."));
        var body = lines.Skip(1).Take(end - 1).ToList();
        var (values, problem) = fence == "---" ? Yaml(body, file) : Toml(body, file);
        if (problem is not null) return (FrontMatterFacts.None, 0, problem);
        string? Text(string key) => values.TryGetValue(key, out var v) && v is [var one] && one.Trim().Length > 0 ? one.Trim() : null;
        var date = Text("date") is { } d && IsoDate().Match(d) is { Success: true } m ? m.Value : null;
        var url = new[] { Text("url"), Text("permalink") }.FirstOrDefault(u => u is not null && u.StartsWith("http", StringComparison.OrdinalIgnoreCase));
        var tags = values.TryGetValue("tags", out var t) ? t.Where(x => x.Trim().Length > 0).Select(x => x.Trim()).ToList() : [];
        return (new FrontMatterFacts(Text("title"), date, url, Text("slug"), tags), end + 1, null);
    }

    private static (Dictionary<string, List<string>> Values, PostProblem? Problem) Yaml(List<string> body, string file)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(string.Join('\n', body)));
        }
        catch (YamlException e)
        {
            // The front matter starts on the post's line 2.
            return (values, new PostProblem(PostProblem.FrontMatterInvalid, file, (int)e.Start.Line + 1, $"The YAML front matter cannot be read: {e.Message}"));
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map) return (values, null);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) continue;
            values[name] = value switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
                _ => [],
            };
        }
        return (values, null);
    }

    private static (Dictionary<string, List<string>> Values, PostProblem? Problem) Toml(List<string> body, string file)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var inTable = false;
        for (var i = 0; i < body.Count; i++)
        {
            var line = body[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('['))
            {
                inTable = true;
                continue;
            }
            var pair = TomlPair().Match(line);
            if (!pair.Success)
                return (values, new PostProblem(PostProblem.FrontMatterInvalid, file, i + 2, $"The TOML front matter line is no 'key = value': {DraftText.Comment(line, 60)}"));
            if (inTable) continue;
            var value = pair.Groups["value"].Value.Trim();
            if (value.StartsWith('['))
            {
                if (!value.EndsWith(']'))
                    return (values, new PostProblem(PostProblem.FrontMatterInvalid, file, i + 2, "A TOML array of the front matter must close on its line."));
                values[pair.Groups["key"].Value] = TomlString().Matches(value).Select(m => Unquote(m.Value)).ToList();
            }
            else values[pair.Groups["key"].Value] = [Unquote(value)];
        }
        return (values, null);
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_-]+)\s*=\s*(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TomlPair();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'[^']*'", RegexOptions.CultureInvariant)]
    private static partial Regex TomlString();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
