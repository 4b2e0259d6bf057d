using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// The GraphiQL IDE, built by npm into the assembly as resources named <c>graphql-ide/…</c>. Its page links the
/// assets with a content hash in the query string, so they can be cached for a year.
/// </summary>
public sealed class IdeAssets
{
    public const string Prefix = "/graphql-ide";
    private const string ResourcePrefix = "graphql-ide/";
    private readonly Dictionary<string, (byte[] Bytes, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly byte[]? _page;

    public IdeAssets()
    {
        var assembly = typeof(IdeAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var file = name[ResourcePrefix.Length..];
            _files[file] = (copy.ToArray(), types.TryGetContentType(file, out var type) ? type : "application/octet-stream");
        }
        Version = Convert.ToHexStringLower(SHA256.HashData(_files.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Bytes).ToArray()))[..12];
        if (_files.Remove("index.html", out var page))
        {
            var html = Encoding.UTF8.GetString(page.Bytes);
            foreach (var file in _files.Keys) html = html.Replace($"{Prefix}/{file}\"", $"{Prefix}/{file}?v={Version}\"", StringComparison.Ordinal);
            _page = Encoding.UTF8.GetBytes(html);
        }
    }

    /// <summary>A hash of the bundled files, for cache busting.</summary>
    public string Version { get; }

    public bool IsAvailable => _page is not null;

    public async Task WritePageAsync(HttpContext http)
    {
        if (_page is null)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await http.Response.WriteAsync("The GraphQL IDE was not built into this binary (npm was skipped).");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self' 'unsafe-eval' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await http.Response.Body.WriteAsync(_page, http.RequestAborted);
    }

    public async Task WriteFileAsync(HttpContext http, string file)
    {
        if (!_files.TryGetValue(file, out var asset))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        http.Response.ContentType = asset.ContentType;
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        await http.Response.Body.WriteAsync(asset.Bytes, http.RequestAborted);
    }
}
