using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Caching;
using Catalog.Api.Graph.Documents;
using Catalog.Api.Graph.Http;
using Catalog.Api.Widget;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Http;

/// <summary>
/// HTTP caching and CORS: GET queries (the widget's glossary above all) carry an ETag and Cache-Control and answer
/// 304; any origin may read them; the widget's script is cached for a year at its versioned URL.
/// </summary>
public sealed class HttpCachingTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    private static string GlossaryById => "sha256:" + PersistedDocumentStore.Sha256(WidgetAssets.Query!);

    private static HttpRequestMessage Get(string url, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.Add("Origin", "https://blog.example");
        return request;
    }

    private static string GlossaryUrl(string lang) =>
        $"/graphql?documentId={Uri.EscapeDataString(GlossaryById)}&variables={Uri.EscapeDataString($$"""{"lang":"{{lang}}"}""")}";

    [Fact]
    public async Task The_widgets_glossary_query_is_known_by_its_hash_from_the_start_and_cached_by_etag()
    {
        using var first = await api.Client.SendAsync(Get(GlossaryUrl("JA")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        var glossary = JsonNode.Parse(body)!["data"]!["glossary"]!.AsArray();
        Assert.Contains(glossary, e => (string?)e!["slug"] == "kubernetes" && (string?)e["definitionLang"] == "JA");
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(first.Headers.Contains("Access-Control-Allow-Credentials"));
        var cacheControl = first.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), cacheControl.MaxAge);
        Assert.Contains("stale-while-revalidate=86400", cacheControl.ToString(), StringComparison.Ordinal);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpCaching.ETagOf(await first.Content.ReadAsByteArrayAsync()), etag.Tag);

        using var again = Get(GlossaryUrl("JA"));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        // Another language is other bytes: the old tag does not match it.
        using var english = Get(GlossaryUrl("EN"));
        english.Headers.IfNoneMatch.Add(etag);
        using var englishResponse = await api.Client.SendAsync(english);
        Assert.Equal(HttpStatusCode.OK, englishResponse.StatusCode);
        Assert.NotEqual(etag, englishResponse.Headers.ETag);

        var gzipped = GzipSize(await first.Content.ReadAsByteArrayAsync());
        // The whole list, for clients that want it (the widget fetches only what a page shows): every technology with its
        // definition, about 130 bytes each gzipped (some 240 KB with the seed's landscape); fewer with first/after.
        Assert.True(gzipped <= 320 * 1024, $"the Japanese glossary is {gzipped} bytes gzipped");
    }

    [Fact]
    public async Task Errors_and_posts_are_not_cacheable_but_readable_cross_origin()
    {
        using var error = await api.Client.SendAsync(Get("/graphql?query=" + Uri.EscapeDataString("{ technology(slug: 1) { slug } }")));
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Null(error.Headers.ETag);
        Assert.Null(error.Headers.CacheControl);
        Assert.Equal("*", error.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ glossary { slug } }" }) };
        post.Headers.Accept.ParseAdd(GraphQLResponse);
        post.Headers.Add("Origin", "https://blog.example");
        using var posted = await api.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Null(posted.Headers.ETag);
        Assert.Equal("*", posted.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task A_cors_preflight_is_answered_for_get_and_post()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        preflight.Headers.Add("Origin", "https://blog.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await api.Client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(["GET", "POST"], response.Headers.GetValues("Access-Control-Allow-Methods").SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Order());
        Assert.Contains("content-type", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("86400", response.Headers.GetValues("Access-Control-Max-Age").Single());

        // A header no GraphQL client needs is not allowed.
        using var other = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        other.Headers.Add("Origin", "https://blog.example");
        other.Headers.Add("Access-Control-Request-Method", "POST");
        other.Headers.Add("Access-Control-Request-Headers", "x-secret");
        using var refused = await api.Client.SendAsync(other);
        Assert.DoesNotContain("x-secret", string.Join(",", refused.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowed) ? allowed : []), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_widget_script_is_immutable_at_its_versioned_url_and_revalidated_at_the_plain_one()
    {
        var version = (await api.Client.GetFromJsonAsync<JsonObject>("/widget/version"))!;
        var versioned = (string)version["script"]!;
        Assert.Matches("^/widget/glossary\\.[0-9a-z]{6,}\\.js$", versioned);
        Assert.Equal(GlossaryById, (string?)version["documentId"]);

        using var immutable = await api.Client.SendAsync(Get(versioned, "*/*"));
        Assert.Equal(HttpStatusCode.OK, immutable.StatusCode);
        Assert.Equal("text/javascript", immutable.Content.Headers.ContentType!.MediaType);
        Assert.True(immutable.Headers.CacheControl?.MaxAge == TimeSpan.FromDays(365), immutable.ToString());
        Assert.Contains("immutable", immutable.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.Equal("*", immutable.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("cross-origin", immutable.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        var script = await immutable.Content.ReadAsByteArrayAsync();
        Assert.Contains("cg-glossary-tip", System.Text.Encoding.UTF8.GetString(script), StringComparison.Ordinal);
        var gzipped = GzipSize(script);
        Assert.True(gzipped <= 15 * 1024, $"the widget is {gzipped} bytes gzipped");

        using var plain = await api.Client.GetAsync("/widget/glossary.js");
        Assert.Equal(TimeSpan.FromSeconds(300), plain.Headers.CacheControl!.MaxAge);
        Assert.False(plain.Headers.CacheControl.ToString().Contains("immutable", StringComparison.Ordinal));
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/widget/glossary.js");
        revalidate.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await api.Client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var compressed = new HttpRequestMessage(HttpMethod.Get, versioned);
        compressed.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzipResponse = await api.Client.SendAsync(compressed);
        Assert.Equal("gzip", gzipResponse.Content.Headers.ContentEncoding.Single());
        await using var unzip = new GZipStream(await gzipResponse.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var unzipped = new MemoryStream();
        await unzip.CopyToAsync(unzipped);
        Assert.Equal(script, unzipped.ToArray());
    }

    [Fact]
    public async Task The_demo_post_renders_the_notes_escaped_with_the_widget_tag()
    {
        var html = await api.Client.GetStringAsync("/demo");
        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("<article class=\"entry-content\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Japan Container Days v18.04参加してきました</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Istioと共にマイクロサービスに立ち向かえ!</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.iopipe.com/\">https://www.iopipe.com/</a>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote><p>Docker(containerd)は", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/widget/glossary\\.[0-9a-z]{6,}\\.js\" data-lang=\"ja\"\\s*defer></script>", html);
        Assert.Contains("data-lang=\"en\"", await api.Client.GetStringAsync("/demo?lang=en"), StringComparison.Ordinal);
    }

    private static long GzipSize(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return output.Length;
    }
}
