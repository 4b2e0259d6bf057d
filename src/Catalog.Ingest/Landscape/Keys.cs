using System.Globalization;
using System.Text;

namespace Catalog.Ingest.Landscape;

/// <summary>The keys the landscape merge compares things by: slugs made from names, and URLs without their noise.</summary>
internal static class Keys
{
    /// <summary>
    /// A slug from a name: letters without their accents, lower case, every other run of characters one hyphen
    /// ("Open Policy Agent (OPA)" → "open-policy-agent-opa"); empty when the name has no ASCII letter or digit.
    /// </summary>
    public static string Slug(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) text.Append(char.ToLowerInvariant(c));
            else if (text.Length > 0 && text[^1] != '-') text.Append('-');
        }
        var slug = text.ToString().Trim('-');
        return slug.Length <= Catalog.Model.Configurations.Limits.Slug ? slug : slug[..Catalog.Model.Configurations.Limits.Slug].TrimEnd('-');
    }

    /// <summary>The slug itself when free, else the first free "slug-2", "slug-3" ... within the length limit.</summary>
    public static string Unique(string slug, Func<string, bool> taken)
    {
        if (!taken(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = slug[..Math.Min(slug.Length, Catalog.Model.Configurations.Limits.Slug - suffix.Length)].TrimEnd('-') + suffix;
            if (!taken(candidate)) return candidate;
        }
    }

    /// <summary>A name as every look-up compares it (<see cref="TechnologyAlias.Normalize"/>).</summary>
    public static string Name(string name) => TechnologyAlias.Normalize(name);

    /// <summary>
    /// A URL as an identity: no scheme, no "www.", no trailing slash or ".git", lower case
    /// ("https://www.github.com/Istio/istio.git/" → "github.com/istio/istio").
    /// </summary>
    public static string? Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var text = url.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        if (text.StartsWith("www.", StringComparison.Ordinal)) text = text[4..];
        text = text.TrimEnd('/');
        if (text.EndsWith(".git", StringComparison.Ordinal)) text = text[..^4];
        return text.TrimEnd('/');
    }

    /// <summary>The organisation's key in a Crunchbase URL: its last path segment ("…/organization/red-hat" → "red-hat").</summary>
    public static string? CrunchbaseSlug(string? url)
    {
        var key = Url(url);
        if (key is null) return null;
        var segment = key[(key.LastIndexOf('/') + 1)..];
        return segment.Length == 0 ? null : Uri.UnescapeDataString(segment);
    }
}
