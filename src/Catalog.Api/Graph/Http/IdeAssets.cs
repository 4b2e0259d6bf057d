using System.Text;
using Catalog.Api.Assets;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// The GraphiQL IDE, built by npm (src/Catalog.Ide) into static web assets under <c>/graphql-ide/</c> (see
/// <see cref="AssetsExtensions"/>). Its page is the bundle's index.html with each asset linked by its fingerprinted
/// URL, served to a browser's GET of <c>/graphql</c> under a strict content security policy.
/// </summary>
public sealed class IdeAssets(IWebHostEnvironment environment, AssetUrls urls)
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

    private readonly Lazy<byte[]?> _page = new(() => ReadPage(environment, urls));

    /// <summary>A browser's GET of the GraphQL endpoint that carries no GraphQL request.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path == "/graphql"
        && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId") && !request.Query.ContainsKey("extensions")
        && MediaTypes.PrefersHtml(request.Headers.Accept);

    public async Task WritePageAsync(HttpContext http)
    {
        var response = http.Response;
        // The same URL answers GraphQL requests: caches must key on Accept.
        response.Headers.Vary = HeaderNames.Accept;
        if (_page.Value is not { } page)
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

    /// <summary>index.html with every link to an asset of the bundle turned into its fingerprinted URL.</summary>
    private static byte[]? ReadPage(IWebHostEnvironment environment, AssetUrls urls)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Prefix[1..] + "/index.html");
        if (!file.Exists) return null;
        string html;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8)) html = reader.ReadToEnd();
        // The script and the style sheet, and the graph view's bundle that ide.js imports when its panel first opens
        // (data-graph-view): only the service knows its fingerprint, so the page hands it over.
        foreach (var asset in new[] { "ide.js", "ide.css", "ide-graph-view.js" })
        {
            var path = $"{Prefix}/{asset}";
            if (urls.Fingerprinted(path) is { } fingerprinted)
                html = html.Replace($"\"{path}\"", $"\"{fingerprinted.Url}\"", StringComparison.Ordinal);
        }
        return Encoding.UTF8.GetBytes(html);
    }
}
