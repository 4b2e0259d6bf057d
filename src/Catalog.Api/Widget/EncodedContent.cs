using System.IO.Compression;
using System.Security.Cryptography;
using Catalog.Api.Graph.Http;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Widget;

/// <summary>
/// One response body in every content coding the service offers (Brotli, gzip, none), compressed once when made,
/// each coding with its own strong ETag (the hash of the plain bytes, with <c>-br</c> or <c>-gzip</c> appended):
/// different bytes never share a tag, so a cache that stored one coding never revalidates another with it.
/// </summary>
public sealed class EncodedContent
{
    /// <summary>Brotli's best and slowest setting: what is compressed once and served many times gets it.</summary>
    public const int BestBrotli = 11;

    private readonly string _contentType;

    public EncodedContent(byte[] plain, string contentType, int brotliQuality = BestBrotli)
    {
        _contentType = contentType;
        Plain = plain;
        var hash = Convert.ToHexStringLower(SHA256.HashData(plain))[..32];
        ETag = $"\"{hash}\"";
        Brotli = CompressBrotli(plain, brotliQuality);
        Gzip = CompressGzip(plain);
        BrotliETag = $"\"{hash}-br\"";
        GzipETag = $"\"{hash}-gzip\"";
    }

    public byte[] Plain { get; }
    public byte[]? Brotli { get; }
    public byte[]? Gzip { get; }
    public string ETag { get; }
    public string BrotliETag { get; }
    public string GzipETag { get; }

    /// <summary>What the content weighs in memory, all codings together.</summary>
    public long Size => Plain.Length + (Brotli?.Length ?? 0) + (Gzip?.Length ?? 0);

    /// <summary>
    /// Writes the coding the request accepts best (Brotli, else gzip, else none) with its ETag, <c>Vary:
    /// Accept-Encoding</c> and <paramref name="cacheControl"/>, or <c>304</c> when <c>If-None-Match</c> names that
    /// coding's tag.
    /// </summary>
    public Task WriteAsync(HttpContext http, string cacheControl)
    {
        var response = http.Response;
        response.ContentType = _contentType;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers.XContentTypeOptions = "nosniff";
        var coding = ContentCoding.Choose(http.Request);
        if (coding == ContentCoding.Brotli && Brotli is null) coding = ContentCoding.Accepts(http.Request, ContentCoding.Gzip) ? ContentCoding.Gzip : null;
        if (coding == ContentCoding.Gzip && Gzip is null) coding = null;
        if (coding is null) return HttpCaching.WriteAsync(http, Plain, ETag, cacheControl);
        response.Headers.ContentEncoding = coding;
        return coding == ContentCoding.Brotli
            ? HttpCaching.WriteAsync(http, Brotli!, BrotliETag, cacheControl)
            : HttpCaching.WriteAsync(http, Gzip!, GzipETag, cacheControl);
    }

    // A coding that saves nothing (a tiny body) is not offered.
    private static byte[]? CompressBrotli(byte[] plain, int quality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        if (!BrotliEncoder.TryCompress(plain, output, out var written, quality, window: 22) || written >= plain.Length) return null;
        return output[..written];
    }

    private static byte[]? CompressGzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(plain);
        return output.Length < plain.Length ? output.ToArray() : null;
    }
}
