using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Api.Import;

/// <summary>
/// Reads one YAML mapping with line numbers: every missing, mistyped or unknown key becomes a
/// <see cref="SeedError"/> at the line that holds it, and reading goes on to find the next one.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly List<SeedError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, List<SeedError> errors)
    {
        _node = node;
        File = file;
        _errors = errors;
    }

    public string File { get; }
    public int Line => LineOf(_node);
    public SeedAt At => new(File, Line);

    public static int LineOf(YamlNode node) => (int)node.Start.Line;

    public void Error(YamlNode node, string message) => _errors.Add(new SeedError(File, LineOf(node), message));

    public void Error(string message) => _errors.Add(new SeedError(File, Line, message));

    public string Required(string key)
    {
        var value = Optional(key);
        if (value is null && !_node.Children.ContainsKey(key)) Error($"'{key}' is required.");
        return value ?? "";
    }

    public string? Optional(string key)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                if (scalar.Style == ScalarStyle.Plain && scalar.Value is null or "~" or "null") return null;
                var value = scalar.Value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                return string.IsNullOrEmpty(value) ? null : value;
            default:
                Error(node, $"'{key}' must be a text value.");
                return null;
        }
    }

    public string? Url(string key)
    {
        var url = Optional(key);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            Error(Get(key)!, $"'{key}' must be an absolute http(s) URL, not '{url}'.");
            return null;
        }
        return url;
    }

    public string Slug(string key = "slug")
    {
        var slug = Required(key);
        if (slug.Length > 0 && !IsSlug(slug)) Error(Get(key)!, $"'{slug}' is not a slug (lower-case ASCII letters, digits and single hyphens).");
        return slug;
    }

    public bool Bool(string key, bool fallback)
    {
        var text = Optional(key);
        if (text is null) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        Error(Get(key)!, $"'{key}' must be true or false, not '{text}'.");
        return fallback;
    }

    public DateOnly? Date(string key)
    {
        var text = Optional(key);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(Get(key)!, $"'{key}' must be a date as YYYY-MM-DD, not '{text}'.");
        return null;
    }

    public T Enum<T>(string key) where T : struct, System.Enum
    {
        var text = Required(key);
        if (Data.EnumText<T>.TryParse(text, out var value)) return value;
        if (text.Length > 0)
            Error(Get(key)!, $"'{key}' is '{text}'; expected one of: {string.Join(", ", Data.EnumText<T>.All)}.");
        return default;
    }

    public T? OptionalEnum<T>(string key) where T : struct, System.Enum
    {
        var text = Optional(key);
        if (text is null) return null;
        if (Data.EnumText<T>.TryParse(text, out var value)) return value;
        Error(Get(key)!, $"'{key}' is '{text}'; expected one of: {string.Join(", ", Data.EnumText<T>.All)}.");
        return null;
    }

    /// <summary>A list of text values (a single value is read as a list of one).</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var node = Get(key);
        if (node is null) return [];
        if (node is YamlScalarNode scalar) return string.IsNullOrWhiteSpace(scalar.Value) ? [] : [scalar.Value.Trim()];
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list of text values.");
            return [];
        }
        var values = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) values.Add(value.Trim());
            else Error(item, $"Each item of '{key}' must be a text value.");
        }
        return values;
    }

    /// <summary>A list of mappings.</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var node = Get(key);
        if (node is null) return [];
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list.");
            return [];
        }
        var maps = new List<YamlMap>();
        foreach (var item in sequence)
        {
            if (item is YamlMappingNode mapping) maps.Add(new YamlMap(mapping, File, _errors));
            else Error(item, $"Each item of '{key}' must be a mapping of keys to values.");
        }
        return maps;
    }

    /// <summary>A nested mapping, or null when the key is absent.</summary>
    public YamlMap? Map(string key)
    {
        var node = Get(key);
        if (node is null) return null;
        if (node is YamlMappingNode mapping) return new YamlMap(mapping, File, _errors);
        Error(node, $"'{key}' must be a mapping of keys to values.");
        return null;
    }

    /// <summary>Reports every key that no reader asked for: a typo must never pass silently.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(name)) Error(key, $"Unknown key '{name}'.");
        }
    }

    internal static bool IsSlug(string text) =>
        text.Length is > 0 and <= Data.Configurations.Limits.Slug
        && text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal);

    private YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
