using System.IO.Compression;
using Catalog.Api.Graph.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Catalog.Api.Caching;

/// <summary>
/// Brotli and gzip from the service itself, since the embedded default serves blogs with no proxy in front. Three
/// kinds of bytes, one way each:
/// <list type="bullet">
/// <item>the IDE's and the widget's bundles: compressed at build, served by ASP.NET Core's static assets (see
/// <see cref="Assets.AssetsExtensions"/>);</item>
/// <item>answers whose bytes are known whole before they are sent (a cacheable GraphQL GET, the widget's version, term
/// index and definitions): an <see cref="EncodedContent"/>, each coding made once and kept with the bytes (in the
/// <see cref="ResponseCache"/>, in the widget's per-snapshot data) with its own strong ETag;</item>
/// <item>everything else <c>/graphql</c> answers (POSTs, errors, the IDE's page): ASP.NET Core's response
/// compression, per response, configured here. Such answers carry no ETag; one that does (the kind above) passes
/// through untouched (<see cref="TaggedBytesStayAsTheyAre"/>).</item>
/// </list>
/// </summary>
public static class CompressionExtensions
{
    public const string GraphQLPath = "/graphql";

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
        builder.Services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, TaggedBytesStayAsTheyAre>());
        // Compressed per response: the default level, a fraction of a millisecond for a typical answer.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    /// <summary>Compresses what <c>/graphql</c> streams; other paths send bytes compressed beforehand.</summary>
    public static IApplicationBuilder UseCatalogCompression(this IApplicationBuilder app) =>
        app.UseWhen(
            http => http.Request.Path.Equals(GraphQLPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseResponseCompression());
}
