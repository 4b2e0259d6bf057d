using System.IO.Compression;
using Catalog.Api.Graph.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Widget;

/// <summary>
/// Brotli and gzip for what <c>/graphql</c> answers (GraphQL results, the IDE's page), from the service itself: the
/// embedded default serves blogs with no proxy in front. ASP.NET Core's response compression does the compressing;
/// on top of it, a cached answer's strong ETag gets the coding appended (<c>"…-br"</c>, <c>"…-gzip"</c>), since other
/// bytes must carry another tag, and a revalidation that names such a tag is matched against the plain bytes' tag the
/// endpoint knows. Other paths (the widget's, the IDE's assets) send their own precompressed bytes.
/// </summary>
public static class GraphQLCompression
{
    public const string Path = "/graphql";

    public static WebApplicationBuilder AddCatalogCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // Answers hold public catalog data only (an API key is never echoed), so no secret for BREACH to find.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [MediaTypes.GraphQLResponse, .. ResponseCompressionDefaults.MimeTypes];
        });
        // Compressed per response: the default level, a fraction of a millisecond for a typical answer.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    public static IApplicationBuilder UseCatalogCompression(this IApplicationBuilder app) =>
        app.UseWhen(
            http => http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(TagCodingsAsync).UseResponseCompression());

    private static Task TagCodingsAsync(HttpContext http, RequestDelegate next)
    {
        var compression = http.RequestServices.GetRequiredService<IResponseCompressionProvider>();
        var coding = compression.CheckRequestAcceptsCompression(http) ? compression.GetCompressionProvider(http)?.EncodingName : null;
        if (coding is not null && http.Request.Headers.IfNoneMatch is { Count: > 0 } held)
            http.Request.Headers.IfNoneMatch = PlainTags(held, coding);
        http.Response.OnStarting(() =>
        {
            var response = http.Response;
            var etag = response.Headers.ETag.ToString();
            if (response.StatusCode == StatusCodes.Status304NotModified)
            {
                // No body went through the compressor: the coding is the one a 200 would have had.
                if (coding is null || !compression.ShouldCompressResponse(http)) return Task.CompletedTask;
                if (!response.Headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
                    response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                if (IsStrong(etag)) response.Headers.ETag = Tagged(etag, coding);
            }
            else if (IsStrong(etag) && response.Headers.ContentEncoding.ToString() is { Length: > 0 } applied)
            {
                response.Headers.ETag = Tagged(etag, applied);
            }
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static bool IsStrong(string etag) => etag.Length > 2 && etag[0] == '"' && etag[^1] == '"';

    private static string Tagged(string etag, string coding) => etag[..^1] + "-" + coding + "\"";

    /// <summary>
    /// <c>If-None-Match</c> as the endpoint must read it: the tags of <paramref name="coding"/> turned back into the plain
    /// bytes' tags, and any other tag (the plain bytes', another coding's) left out, as it names other bytes than the
    /// ones this request gets.
    /// </summary>
    private static StringValues PlainTags(StringValues held, string coding)
    {
        if (!EntityTagHeaderValue.TryParseList(held, out var tags)) return StringValues.Empty;
        var suffix = "-" + coding + "\"";
        return new StringValues([.. tags.Select(t => t.ToString()).Select(text =>
            text == "*" ? text
            : !text.StartsWith("W/", StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] + "\""
            : null).OfType<string>()]);
    }
}
