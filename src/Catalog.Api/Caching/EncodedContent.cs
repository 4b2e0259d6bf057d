using System.IO.Compression;
using Catalog.Api.Graph.Http;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Caching;

/// <summary>
/// One response body whose bytes are all known, in every content coding the service offers (Brotli, gzip, none):
/// each coding is compressed once, when first asked for, and kept with the content; each has its own strong ETag (the
/// plain bytes' tag, <see cref="HttpCaching.ETagOf"/>, with <c>-br</c> or <c>-gzip</c> appended), so different bytes
/// never share a tag and a cache that stored one coding never revalidates another with it.
/// </summary>
public sealed class EncodedContent
{
    /// <summary>Brotli's best and slowest setting, for what is compressed once and served many times.</summary>
    public const int BestBrotli = 11;

    /// <summary>
    /// A Brotli setting that costs a few milliseconds per hundred kilobytes, for bytes that may be compressed per
    /// request (a GraphQL answer that is not kept) or that are large.
    /// </summary>
    public const int QuickBrotli = 6;

    private readonly Lazy<byte[]?> _brotli;
    private readonly Lazy<byte[]?> _gzip;

    public EncodedContent(byte[] plain, string contentType, int brotliQuality)
    {
        Plain = plain;
        ContentType = contentType;
        ETag = HttpCaching.ETagOf(plain);
        BrotliETag = ETag[..^1] + "-" + ContentCoding.Brotli + "\"";
        GzipETag = ETag[..^1] + "-" + ContentCoding.Gzip + "\"";
        var gzipLevel = brotliQuality >= BestBrotli ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        _brotli = new Lazy<byte[]?>(() => CompressBrotli(plain, brotliQuality));
        _gzip = new Lazy<byte[]?>(() => CompressGzip(plain, gzipLevel));
    }

    public byte[] Plain { get; }
    public string ContentType { get; }
    public string ETag { get; }
    public string BrotliETag { get; }
    public string GzipETag { get; }

    /// <summary>The Brotli bytes, made on first use; null when Brotli saves nothing (a tiny body).</summary>
    public byte[]? Brotli => _brotli.Value;

    /// <summary>The gzip bytes, made on first use; null when gzip saves nothing.</summary>
    public byte[]? Gzip => _gzip.Value;

    /// <summary>
    /// The most the content comes to weigh in memory once every coding is made: a coding is kept only when it is
    /// smaller than the plain bytes.
    /// </summary>
    public long MaxSize => 3L * Plain.Length;

    /// <summary>
    /// Writes the coding the request accepts best (Brotli, else gzip, else none) with its ETag, <c>Vary:
    /// Accept-Encoding</c> (added to what the response varies by already) and <paramref name="cacheControl"/>, or
    /// <c>304</c> when <c>If-None-Match</c> names that coding's tag; with no cache policy (a POST), the bytes alone.
    /// </summary>
    public Task WriteAsync(HttpContext http, string? cacheControl)
    {
        var response = http.Response;
        response.ContentType = ContentType;
        AddVary(response);
        response.Headers.XContentTypeOptions = "nosniff";
        var coding = ContentCoding.Choose(http.Request);
        if (coding == ContentCoding.Brotli && Brotli is null) coding = ContentCoding.Accepts(http.Request, ContentCoding.Gzip) ? ContentCoding.Gzip : null;
        if (coding == ContentCoding.Gzip && Gzip is null) coding = null;
        if (coding is null) return HttpCaching.WriteAsync(http, Plain, ETag, cacheControl);
        // Set before any byte is written: ASP.NET Core's response compression leaves an encoded response alone.
        response.Headers.ContentEncoding = coding;
        return coding == ContentCoding.Brotli
            ? HttpCaching.WriteAsync(http, Brotli!, BrotliETag, cacheControl)
            : HttpCaching.WriteAsync(http, Gzip!, GzipETag, cacheControl);
    }

    private static void AddVary(HttpResponse response)
    {
        var vary = response.Headers.Vary.ToString();
        if (vary.Length == 0) response.Headers.Vary = HeaderNames.AcceptEncoding;
        else if (!vary.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase)) response.Headers.Vary = vary + ", " + HeaderNames.AcceptEncoding;
    }

    // A coding that saves nothing (a tiny body) is not offered.
    private static byte[]? CompressBrotli(byte[] plain, int quality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        if (!BrotliEncoder.TryCompress(plain, output, out var written, quality, window: 22) || written >= plain.Length) return null;
        return output[..written];
    }

    private static byte[]? CompressGzip(byte[] plain, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true)) gzip.Write(plain);
        return output.Length < plain.Length ? output.ToArray() : null;
    }
}
