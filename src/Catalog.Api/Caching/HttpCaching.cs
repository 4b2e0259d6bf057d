using System.IO.Pipelines;
using System.Security.Cryptography;
using Catalog.Api.Caching;
using Catalog.Api.Graph.Http;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Caching;

/// <summary>
/// HTTP caching for read-only answers: a successful GET query is the same bytes for everyone, so browsers, proxies and
/// CDNs may keep it (strong ETag over the bytes, <c>Cache-Control</c>, <c>304 Not Modified</c>).
/// </summary>
public static class HttpCaching
{
    /// <summary>Fresh for five minutes; then served stale for a day while a cache revalidates (cheaply, by ETag).</summary>
    public const string QueryCacheControl = "public, max-age=300, stale-while-revalidate=86400";

    /// <summary>Only a query that ran without any error is worth keeping: errors may be transient.</summary>
    public static bool IsKeepable(int status, ExecutionResult result) =>
        status == StatusCodes.Status200OK && result.Executed && result.Errors is not { Count: > 0 }
        && result.Operation?.Operation == GraphQLParser.AST.OperationType.Query;

    /// <summary>What HTTP caches may keep and revalidate: a GET's answers (a POST's are for the server's cache alone).</summary>
    public static string? CacheControlOf(HttpContext http) => HttpMethods.IsGet(http.Request.Method) ? QueryCacheControl : null;

    /// <summary>A strong entity tag over the exact bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    /// <summary>Whether <c>If-None-Match</c> names this tag (weak comparison, as RFC 9110 asks for this header) or is <c>*</c>.</summary>
    public static bool IsNotModified(HttpRequest request, string etag)
    {
        if (!EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)) return false;
        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>
    /// Writes the bytes with their ETag and cache policy, or just <c>304</c> when the client holds them already; with no
    /// cache policy (a POST), just the bytes.
    /// </summary>
    public static async Task WriteAsync(HttpContext http, byte[] body, string etag, string? cacheControl)
    {
        var response = http.Response;
        if (cacheControl is not null)
        {
            response.Headers.ETag = etag;
            response.Headers.CacheControl = cacheControl;
            if (IsNotModified(http.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>
    /// Serialises a result worth keeping into memory (the ETag needs all of it) and writes it, compressed as the request
    /// accepts, cacheably when it came by GET; the content is returned with the codings made so far, for the response
    /// cache to keep.
    /// </summary>
    public static async Task<EncodedContent> WriteQueryResultAsync(HttpContext http, CatalogJsonSerializer serializer, ExecutionResult result, string contentType)
    {
        using var buffer = new MemoryStream();
        var pipe = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        await serializer.WriteResultAsync(pipe, result, http.RequestAborted);
        await pipe.CompleteAsync();
        var content = new EncodedContent(buffer.ToArray(), contentType, EncodedContent.QuickBrotli);
        await content.WriteAsync(http, CacheControlOf(http));
        return content;
    }
}
