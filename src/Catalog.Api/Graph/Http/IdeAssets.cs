using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// The GraphiQL IDE, built by npm into the assembly as resources named <c>graphql-ide/…</c>. Its page links the
/// assets with a content hash in the query string, so they can be cached for a year. Text assets are served
/// Brotli- or gzip-compressed, each form made once, on its first request.
/// </summary>
public sealed class IdeAssets
{
    public const string Prefix = "/graphql-ide";

    /// <summary>
    /// What the bundle needs and no more: no inline or eval'd script. Monaco and GraphiQL add &lt;style&gt;
    /// elements at run time, the Monaco workers start from blob: URLs and the fonts are data: URIs.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
        "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'";

    private const string ResourcePrefix = "graphql-ide/";

    // Read on the first IDE request, not at start: the bundle is ~7 MB, and a replica serving only API traffic
    // would otherwise keep it twice in memory (the copy, and the resource pages of the mapped assembly it was read from).
    private readonly Lazy<Bundle> _bundle = new(Bundle.Read);

    /// <summary>A hash of the bundled files, for cache busting.</summary>
    public string Version => _bundle.Value.Version;

    public async Task WritePageAsync(HttpContext http)
    {
        var response = http.Response;
        // The same URL answers GraphQL requests: caches must key on Accept.
        response.Headers.Vary = HeaderNames.Accept;
        var page = _bundle.Value.Page;
        if (page is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("The GraphQL IDE was not built into this binary (it was built with SkipIdeBuild=true). POST GraphQL requests to this URL.");
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.ContentLength = page.Length;
        await response.Body.WriteAsync(page, http.RequestAborted);
    }

    public async Task WriteFileAsync(HttpContext http, string file)
    {
        if (!_bundle.Value.Files.TryGetValue(file, out var asset))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var response = http.Response;
        response.ContentType = asset.ContentType;
        // Immutable only under this build's hash: a page of another build (during a rolling update) must not pin
        // these bytes under its own URL for a year.
        response.Headers.CacheControl = http.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        var bytes = asset.Bytes;
        if (asset.Compressible)
        {
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            if (ChooseEncoding(http.Request) is { } encoding)
            {
                bytes = asset.Compressed(encoding);
                response.Headers.ContentEncoding = encoding;
            }
        }
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>br or gzip, whichever the client accepts with the higher quality (br on a tie); null for neither.</summary>
    private static string? ChooseEncoding(HttpRequest request)
    {
        double? brotli = null, gzip = null, any = null;
        foreach (var value in request.GetTypedHeaders().AcceptEncoding)
        {
            var quality = value.Quality ?? 1;
            var name = value.Value.Value;
            if (string.Equals(name, "br", StringComparison.OrdinalIgnoreCase)) brotli = quality;
            else if (string.Equals(name, "gzip", StringComparison.OrdinalIgnoreCase)) gzip = quality;
            else if (name == "*") any = quality;
        }
        // "*" stands for every encoding the header does not name.
        brotli ??= any ?? 0;
        gzip ??= any ?? 0;
        if (brotli > 0 && brotli >= gzip) return "br";
        return gzip > 0 ? "gzip" : null;
    }

    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    /// <summary>The bundled files by name, the page with its links versioned, and the version (a hash of all files).</summary>
    private sealed record Bundle(Dictionary<string, Asset> Files, byte[]? Page, string Version)
    {
        public static Bundle Read()
        {
            var assembly = typeof(IdeAssets).Assembly;
            var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                hash.AppendData(bytes);
                var file = name[ResourcePrefix.Length..];
                files[file] = new Asset(bytes, ContentTypeOf(file));
            }
            var version = Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
            if (!files.Remove("index.html", out var page)) return new Bundle(files, null, version);
            var html = Encoding.UTF8.GetString(page.Bytes);
            foreach (var file in files.Keys) html = html.Replace($"{Prefix}/{file}\"", $"{Prefix}/{file}?v={version}\"", StringComparison.Ordinal);
            return new Bundle(files, Encoding.UTF8.GetBytes(html), version);
        }
    }

    /// <summary>One bundled file, with its compressed forms made once, when first asked for.</summary>
    private sealed class Asset
    {
        private readonly Lazy<byte[]> _brotli;
        private readonly Lazy<byte[]> _gzip;

        public Asset(byte[] bytes, string contentType)
        {
            Bytes = bytes;
            ContentType = contentType;
            Compressible = contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.StartsWith("image/svg", StringComparison.Ordinal);
            _brotli = new Lazy<byte[]>(() => Brotli(bytes));
            _gzip = new Lazy<byte[]>(() => Gzip(bytes));
        }

        public byte[] Bytes { get; }
        public string ContentType { get; }
        public bool Compressible { get; }

        public byte[] Compressed(string encoding) => encoding == "br" ? _brotli.Value : _gzip.Value;

        // Quality 5: most of quality 11's gain (ide.js: 6.3 MB to 1.33 MB, against 1.12 MB) in well under a
        // second, against half a minute.
        private static byte[] Brotli(byte[] bytes)
        {
            var output = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
            if (!BrotliEncoder.TryCompress(bytes, output, out var written, quality: 5, window: 22))
                throw new InvalidOperationException("Brotli compression of an IDE asset failed.");
            return output[..written];
        }

        private static byte[] Gzip(byte[] bytes)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
            return output.ToArray();
        }
    }
}
