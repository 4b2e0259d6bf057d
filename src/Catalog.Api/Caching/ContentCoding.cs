using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Caching;

/// <summary>The content codings the service sends, and which one a request accepts best (RFC 9110, 12.5.3).</summary>
public static class ContentCoding
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>Brotli when accepted (it is the smaller), else gzip when accepted, else null: the bytes as they are.</summary>
    public static string? Choose(HttpRequest request)
    {
        var brotli = Quality(request, Brotli);
        var gzip = Quality(request, Gzip);
        if (brotli > 0 && brotli >= gzip) return Brotli;
        return gzip > 0 ? Gzip : null;
    }

    public static bool Accepts(HttpRequest request, string coding) => Quality(request, coding) > 0;

    /// <summary>The weight <c>Accept-Encoding</c> gives <paramref name="coding"/> (its own, else <c>*</c>'s), 0 when none.</summary>
    private static double Quality(HttpRequest request, string coding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var values)) return 0;
        double? own = null, any = null;
        foreach (var value in values)
        {
            var weight = value.Quality ?? 1;
            if (value.Value.Equals(coding, StringComparison.OrdinalIgnoreCase)) own = Math.Max(own ?? 0, weight);
            else if (value.Value.Equals("*", StringComparison.Ordinal)) any = Math.Max(any ?? 0, weight);
        }
        return own ?? any ?? 0;
    }
}
