using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Catalog.Api.Graph.Http;

namespace Catalog.Api.Widget;

/// <summary>
/// The glossary widget, built by npm (src/Catalog.Widget) into the assembly as <c>widget/glossary.js</c>, and the
/// query it sends (<c>widget/glossary.graphql</c>), which the service pins as a persisted document so the widget
/// can ask by its sha256 with a short, stable, cacheable GET.
/// </summary>
public sealed class WidgetAssets
{
    public const string ScriptPath = "/widget/glossary.js";

    /// <summary>For the plain one-tag embed (no <c>?v=</c>): short, so a new release reaches every blog soon.</summary>
    public const string UnversionedCacheControl = "public, max-age=300, stale-while-revalidate=86400";

    /// <summary>For <c>?v=</c> the current version: the URL changes with the content.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    private readonly byte[]? _script;
    private readonly byte[]? _gzipped;
    private readonly string _etag = "";
    private readonly string _gzippedETag = "";

    public WidgetAssets()
    {
        var assembly = typeof(WidgetAssets).Assembly;
        _script = Read(assembly, "widget/glossary.js");
        Query = Read(assembly, "widget/glossary.graphql") is { } query ? Encoding.UTF8.GetString(query) : null;
        if (_script is null) return;
        var hash = Convert.ToHexStringLower(SHA256.HashData(_script));
        Version = hash[..12];
        _etag = $"\"{hash[..32]}\"";
        _gzippedETag = $"\"{hash[..32]}-gz\"";
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(_script);
        _gzipped = compressed.ToArray();
    }

    /// <summary>A hash of the script, for cache busting (<c>?v=</c>); empty when the widget was not built in.</summary>
    public string Version { get; } = "";

    /// <summary>The script's URL that may be cached for a year.</summary>
    public string VersionedPath => $"{ScriptPath}?v={Version}";

    /// <summary>The glossary query text the widget sends by its sha256.</summary>
    public string? Query { get; }

    public bool IsAvailable => _script is not null;

    public async Task WriteScriptAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        if (_script is null || _gzipped is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The glossary widget was not built into this binary (npm was skipped).");
            return;
        }
        response.ContentType = "text/javascript; charset=utf-8";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = "Accept-Encoding";
        var cacheControl = http.Request.Query["v"] == Version ? VersionedCacheControl : UnversionedCacheControl;
        // Precompressed once: the script is most of what a blog page asks of this service.
        if (AcceptsGzip(http.Request))
        {
            response.Headers.ContentEncoding = "gzip";
            await HttpCaching.WriteAsync(http, _gzipped, _gzippedETag, cacheControl);
        }
        else
        {
            await HttpCaching.WriteAsync(http, _script, _etag, cacheControl);
        }
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));

    private static byte[]? Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
