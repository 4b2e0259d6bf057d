using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Ingest.Import;

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

    /// <summary>A text value that must be there and not be empty.</summary>
    public string Required(string key)
    {
        var reported = _errors.Count;
        var value = Optional(key);
        if (value is null && _errors.Count == reported)
        {
            if (Get(key) is { } node) Error(node, $"'{key}' is required and may not be empty.");
            else Error($"'{key}' is required.");
        }
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
                if (IsNull(scalar)) return null;
                var value = scalar.Value?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                if (string.IsNullOrEmpty(value)) return null;
                if (SeedText.Problem(value) is { } problem)
                {
                    Error(node, $"'{key}' {problem}");
                    return null;
                }
                if (MaxLength(key) is { } max && value.Length > max)
                {
                    Error(node, $"'{key}' has {value.Length} characters; the limit is {max}.");
                    return null;
                }
                return value;
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
        if (EnumText<T>.TryParse(text, out var value)) return value;
        if (text.Length > 0)
            Error(Get(key)!, $"'{key}' is '{text}'; expected one of: {string.Join(", ", EnumText<T>.All)}.");
        return default;
    }

    public T? OptionalEnum<T>(string key) where T : struct, System.Enum
    {
        var text = Optional(key);
        if (text is null) return null;
        if (EnumText<T>.TryParse(text, out var value)) return value;
        Error(Get(key)!, $"'{key}' is '{text}'; expected one of: {string.Join(", ", EnumText<T>.All)}.");
        return null;
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>, or null when the key is absent.</summary>
    public int? Int(string key, int minimum)
    {
        var text = Optional(key);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum) return value;
        Error(Get(key)!, $"'{key}' must be a whole number of at least {minimum}, not '{text}'.");
        return null;
    }

    /// <summary>A list of text values (a single value is read as a list of one; a key with no value, as none).</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        var node = Get(key);
        if (node is null || (node is YamlScalarNode empty && IsNull(empty))) return [];
        if (node is YamlScalarNode scalar) return Checked(scalar) is { } single ? [single] : [];
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{key}' must be a list of text values.");
            return [];
        }
        var values = new List<string>();
        foreach (var item in sequence)
        {
            if (item is YamlScalarNode { Value: { } value } scalarItem && !string.IsNullOrWhiteSpace(value))
            {
                if (Checked(scalarItem) is { } text) values.Add(text);
            }
            else Error(item, $"Each item of '{key}' must be a text value.");
        }
        return values;

        string? Checked(YamlScalarNode scalar)
        {
            var text = (scalar.Value ?? "").Trim();
            if (text.Length == 0) return null;
            var problem = SeedText.Problem(text) ?? (text.Length > Catalog.Model.Configurations.Limits.Alias
                ? $"has {text.Length} characters; the limit is {Catalog.Model.Configurations.Limits.Alias}." : null);
            if (problem is null) return text;
            Error(scalar, $"An item of '{key}' {problem}");
            return null;
        }
    }

    /// <summary>A list of mappings (a key with no value, or only comments under it, is an empty list).</summary>
    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var node = Get(key);
        if (node is null || (node is YamlScalarNode empty && IsNull(empty))) return [];
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

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";

    /// <summary>The longest value a key may hold: the column it is stored in. Keys not listed have no limit here.</summary>
    private static int? MaxLength(string key) => key switch
    {
        "title" or "heading" or "blog" => Catalog.Model.Configurations.Limits.Title,
        "homepage" or "repository" or "source" or "url" or "file" or "profile" => Catalog.Model.Configurations.Limits.Url,
        "time" or "track" => Catalog.Model.Configurations.Limits.Label,
        "text" => Catalog.Model.Configurations.Limits.Alias,
        "name" or "name-en" or "name-ja" or "edition" or "city" or "author" or "handle" => Catalog.Model.Configurations.Limits.Name,
        _ => null,
    };

    internal static bool IsSlug(string text) =>
        text.Length is > 0 and <= Catalog.Model.Configurations.Limits.Slug
        && text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
        && text[0] != '-' && text[^1] != '-' && !text.Contains("--", StringComparison.Ordinal);

    private YamlNode? Get(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
