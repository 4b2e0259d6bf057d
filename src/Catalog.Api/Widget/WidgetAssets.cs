using System.Security.Cryptography;
using System.Text;

namespace Catalog.Api.Widget;

/// <summary>
/// The glossary widget, built by npm (src/Catalog.Widget) into the assembly as <c>widget/glossary.js</c> and served
/// compressed (Brotli, gzip) from memory, and the whole glossary's query (<c>widget/glossary.graphql</c>), which the
/// service pins as a persisted document so that a client that wants the whole list can ask by its sha256 with a
/// short, stable, cacheable GET.
/// </summary>
public sealed class WidgetAssets
{
    public const string ScriptPath = "/widget/glossary.js";

    /// <summary>For the plain one-tag embed (no <c>?v=</c>): short, so a new release reaches every blog soon.</summary>
    public const string UnversionedCacheControl = "public, max-age=300, stale-while-revalidate=86400";

    /// <summary>For <c>?v=</c> the current version: the URL changes with the content.</summary>
    public const string VersionedCacheControl = "public, max-age=31536000, immutable";

    private readonly EncodedContent? _script;

    public WidgetAssets()
    {
        var assembly = typeof(WidgetAssets).Assembly;
        var script = Read(assembly, "widget/glossary.js");
        Query = Read(assembly, "widget/glossary.graphql") is { } query ? Encoding.UTF8.GetString(query) : null;
        if (script is null) return;
        Version = Convert.ToHexStringLower(SHA256.HashData(script))[..12];
        _script = new EncodedContent(script, "text/javascript; charset=utf-8");
    }

    /// <summary>A hash of the script, for cache busting (<c>?v=</c>); empty when the widget was not built in.</summary>
    public string Version { get; } = "";

    /// <summary>The script's URL that may be cached for a year.</summary>
    public string VersionedPath => $"{ScriptPath}?v={Version}";

    /// <summary>The whole glossary's query text, pinned so that it can be asked for by its sha256.</summary>
    public string? Query { get; }

    public bool IsAvailable => _script is not null;

    /// <summary>The compressed script, for size checks.</summary>
    public EncodedContent? Script => _script;

    public async Task WriteScriptAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        if (_script is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The glossary widget was not built into this binary (npm was skipped).");
            return;
        }
        await _script.WriteAsync(http, http.Request.Query["v"] == Version ? VersionedCacheControl : UnversionedCacheControl);
    }

    private static byte[]? Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
