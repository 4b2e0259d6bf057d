using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Catalog.Api.Caching;
using Catalog.Api.Linking;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;

namespace Catalog.Api.Widget;

/// <summary>
/// The widget's catalog requests, answered from the current snapshot's memory, never from SQL:
/// <list type="bullet">
/// <item><c>GET /widget/version</c>: the current versions (the script's and the catalog's) and the index's URL; cached a minute.</item>
/// <item><c>GET /widget/index/{catalog version}</c>: the compact term index (<see cref="Glossary.TermIndex"/>).</item>
/// <item><c>GET /widget/definitions/{catalog version}/{ja|en}?ids=3,17,42</c>: the tooltips of those technologies
/// (<see cref="Glossary.GlossaryCards"/>), ids ascending so that pages showing the same technologies share one URL.</item>
/// <item><c>POST /widget/links/{catalog version}</c>: which ambiguous names in a page's text link (<see cref="WidgetLinks"/>);
/// never cached, since every page's text is its own.</item>
/// </list>
/// The index and the definitions name the catalog version: at the current one the answer never changes, so it is
/// cached for a year (<c>immutable</c>); an instance that holds another version (just before or after a change) answers from its own
/// with a one-minute cache instead, so no cache keeps an answer under the wrong version's URL for long. Any origin may
/// read them (the one CORS policy, see <see cref="WidgetExtensions"/>).
/// </summary>
public sealed class WidgetGlossary(CatalogSnapshots snapshots, WidgetAssets assets, LinkerOf linkerOf)
{
    public const int MaxIds = 500;
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";
    public const string ShortCacheControl = "public, max-age=60";

    /// <summary>How long a links request waits for the catalog's linker to be built (just after a change) before 503.</summary>
    public static readonly TimeSpan LinkerWait = TimeSpan.FromSeconds(5);

    private readonly ConditionalWeakTable<CatalogSnapshot, WidgetSnapshot> _snapshots = new();
    private volatile VersionDocument? _version;

    private sealed record VersionDocument(long Catalog, EncodedContent Content);

    public static string IndexPath(long version) => FormattableString.Invariant($"/widget/index/{version}");

    public static string DefinitionsPath(long version) => FormattableString.Invariant($"/widget/definitions/{version}");

    public static string LinksPath(long version) => FormattableString.Invariant($"/widget/links/{version}");

    /// <summary>The widget's data of a snapshot, made once per snapshot.</summary>
    public WidgetSnapshot For(CatalogSnapshot catalog) => _snapshots.GetValue(catalog, c => new WidgetSnapshot(c, linkerOf));

    public async Task WriteVersionAsync(HttpContext http)
    {
        if (await CurrentAsync(http) is not { } catalog) return;
        // Every page view starts here: the version's widget data (and its linker) begin to be made now.
        For(catalog);
        if (_version is not { } kept || kept.Catalog != catalog.Version)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new
            {
                version = assets.Version,
                script = assets.VersionedPath,
                documentId = WidgetAssets.DocumentId,
                catalog = catalog.Version.ToString(CultureInfo.InvariantCulture),
                index = IndexPath(catalog.Version),
                definitions = DefinitionsPath(catalog.Version),
                links = LinksPath(catalog.Version),
            });
            _version = kept = new VersionDocument(catalog.Version, new EncodedContent(body, "application/json; charset=utf-8", EncodedContent.BestBrotli));
        }
        await kept.Content.WriteAsync(http, ShortCacheControl);
    }

    public async Task WriteIndexAsync(HttpContext http, long version)
    {
        if (await CurrentAsync(http) is not { } catalog) return;
        await For(catalog).Index.WriteAsync(http, catalog.Version == version ? ImmutableCacheControl : ShortCacheControl);
    }

    public async Task WriteDefinitionsAsync(HttpContext http, long version, string lang)
    {
        Lang? language = lang switch { "ja" => Lang.Ja, "en" => Lang.En, _ => null };
        if (language is null)
        {
            await WriteErrorAsync(http, ErrorCodes.BadLang, $"The language must be ja or en; it was '{lang}'.");
            return;
        }
        if (ParseIds(http.Request.Query["ids"].ToString(), out var ids) is { } problem)
        {
            await WriteErrorAsync(http, problem.Code, problem.Message);
            return;
        }
        if (await CurrentAsync(http) is not { } catalog) return;
        await For(catalog).Definitions(language.Value, ids).WriteAsync(http, catalog.Version == version ? ImmutableCacheControl : ShortCacheControl);
    }

    /// <summary>
    /// Decides a page's blocks with the current catalog, whatever version the URL names (the ids are the current
    /// index's; a page that read an older index finds a span it did not ask about at worst, and underlines nothing
    /// for it). The body's size is bounded before this runs (<c>MaxBodyBytes</c>, 413 <c>BODY_TOO_LARGE</c>).
    /// </summary>
    public async Task WriteLinksAsync(HttpContext http)
    {
        if (!WidgetLinks.IsAcceptedMediaType(http.Request.ContentType))
        {
            await WriteErrorAsync(http, ErrorCodes.UnsupportedMediaType,
                "Send the blocks as JSON with Content-Type application/json or text/plain: {\"blocks\": [\"text\", ...]}.", StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (WidgetLinks.Parse(body, out var blocks) is { } problem)
        {
            await WriteErrorAsync(http, problem.Code, problem.Message);
            return;
        }
        if (await CurrentAsync(http) is not { } catalog) return;
        if (await For(catalog).LinksAsync(blocks, LinkerWait, http.RequestAborted) is not { } answer)
        {
            http.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(http, ErrorCodes.NotReady,
                $"The catalog's linking data for version {catalog.Version} is still being made; try again shortly.", StatusCodes.Status503ServiceUnavailable);
            return;
        }
        http.Response.Headers.CacheControl = "no-store";
        await answer.WriteAsync(http, cacheControl: null);
    }

    /// <summary>Technology ids, comma-separated decimals, returned ascending and each once; null when they are well formed.</summary>
    public static (string Code, string Message)? ParseIds(string text, out int[] ids)
    {
        ids = [];
        if (text.Length == 0) return (ErrorCodes.BadIds, "Give the technology ids as ids=3,17,42 (the ids of the term index).");
        var parts = text.Split(',');
        if (parts.Length > MaxIds) return (ErrorCodes.TooManyIds, $"At most {MaxIds} ids per request; {parts.Length} were given. Ask in several requests.");
        var set = new SortedSet<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
                return (ErrorCodes.BadIds, $"'{Truncate(part)}' is not a technology id: ids are positive decimal numbers separated by commas.");
            set.Add(id);
        }
        ids = [.. set];
        return null;
    }

    private async Task<CatalogSnapshot?> CurrentAsync(HttpContext http)
    {
        // The widget runs on other sites' pages, including those that isolate themselves (COEP).
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        try
        {
            return await snapshots.GetAsync(http.RequestAborted);
        }
        catch (TimeoutException)
        {
            http.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(http, ErrorCodes.DatabaseUnavailable,
                "The catalog is not loaded yet: its database has not answered since this instance started; try again shortly.", StatusCodes.Status503ServiceUnavailable);
            return null;
        }
    }

    /// <summary>An error as GraphQL reports one: a message and a stable <c>extensions.code</c>.</summary>
    private static Task WriteErrorAsync(HttpContext http, string code, string message, int status = StatusCodes.Status400BadRequest)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new { errors = new[] { new { message, extensions = new { code } } } }, http.RequestAborted);
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
