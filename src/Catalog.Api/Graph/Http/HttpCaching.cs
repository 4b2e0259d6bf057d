using System.Security.Cryptography;
using Catalog.Api.Compression;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// HTTP caching for read-only answers: a successful GET query is the same bytes for everyone, so browsers, proxies and
/// CDNs may keep it (strong ETag over the bytes, <c>Cache-Control</c>, <c>304 Not Modified</c>).
/// </summary>
public static class HttpCaching
{
    /// <summary>Fresh for five minutes; then served stale for a day while a cache revalidates (cheaply, by ETag).</summary>
    public const string QueryCacheControl = "public, max-age=300, stale-while-revalidate=86400";

    /// <summary>Only a GET whose query ran without any error is worth keeping: errors may be transient.</summary>
    public static bool IsCacheable(HttpContext http, int status, ExecutionResult result) =>
        HttpMethods.IsGet(http.Request.Method) && status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 };

    /// <summary>A strong entity tag over the exact bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    /// <summary>Whether <c>If-None-Match</c> names this tag (weak comparison, as RFC 9110 asks for this header) or is <c>*</c>.</summary>
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)) return false;
        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>Writes the bytes with their ETag and cache policy, or just <c>304</c> when the client holds them already.</summary>
    public static async Task WriteAsync(HttpContext http, byte[] body, string etag, string cacheControl)
    {
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        if (IsNotModified(http.Request, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// Serialises a cacheable GraphQL result into memory (the ETag needs all of it) and writes it cacheably, compressed
    /// as the request accepts; the content is returned with the codings made so far, for the response cache to keep.
    /// </summary>
    public static async Task<EncodedContent> WriteQueryResultAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result, string contentType)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, http.RequestAborted);
        var content = new EncodedContent(buffer.ToArray(), contentType, EncodedContent.QuickBrotli);
        await content.WriteAsync(http, QueryCacheControl);
        return content;
    }
}
