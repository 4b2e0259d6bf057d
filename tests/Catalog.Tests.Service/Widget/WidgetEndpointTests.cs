using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Caching;
using Catalog.Api.Graph.Http;
using Catalog.Api.Snapshot;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Widget;

/// <summary>
/// What the widget asks the service for: its versions, the term index and the definitions of the technologies a page
/// shows; each compressed by the service (Brotli, gzip) with a strong ETag per coding, cached for a year at a
/// versioned URL, served from memory.
/// </summary>
public sealed class WidgetEndpointTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private sealed record Versions(long Catalog, string Index, string Definitions);

    private async Task<Versions> VersionsAsync()
    {
        var json = JsonNode.Parse(await api.Client.GetStringAsync("/widget/version"))!;
        return new Versions(long.Parse((string)json["catalog"]!, System.Globalization.CultureInfo.InvariantCulture), (string)json["index"]!, (string)json["definitions"]!);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? encoding = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        request.Headers.Add("Origin", "https://blog.example");
        return await api.Client.SendAsync(request);
    }

    private static async Task<byte[]> DecodedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        Stream decoded = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            var other => throw new InvalidOperationException($"unexpected coding {other}"),
        };
        using var bytes = new MemoryStream();
        await decoded.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private static string Line(string index, int id)
    {
        var lines = index.Split('\n');
        var at = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var step = line.IndexOfAny(['\t', '\v', '\f']) is var cut and > 0 ? int.Parse(line[..cut], System.Globalization.CultureInfo.InvariantCulture) : 1;
            at += step;
            if (at == id) return line;
        }
        return "";
    }

    private int IdOf(string slug) => api.Services.GetRequiredService<CatalogSnapshots>().Current!.FindTechnology(slug)!.Id;

    [Fact]
    public async Task The_term_index_lists_each_technologys_linked_terms_by_id_with_exact_case_and_ambiguous_ones_marked()
    {
        var versions = await VersionsAsync();
        Assert.Equal($"/widget/index/{versions.Catalog}", versions.Index);
        using var response = await GetAsync(versions.Index);
        var index = Encoding.UTF8.GetString(await DecodedAsync(response));
        Assert.Equal($"catalog-terms 1 {versions.Catalog}", index.Split('\n')[0]);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);

        var kubernetes = Line(index, IdOf("kubernetes")).Split('\t');
        Assert.Equal("Kubernetes", kubernetes[1]);
        Assert.Contains("k8s", kubernetes, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("クバネティス", kubernetes);
        // Ambiguous terms follow a form feed: candidates the service decides ("Heat" and "Helm" are ordinary words too),
        // and the unambiguous names of the same technologies link as ever.
        Assert.Equal("\tOpenStack Heat\fHeat", Line(index, IdOf("openstack-heat")));
        Assert.Contains("\fHelm", Line(index, IdOf("helm")), StringComparison.Ordinal);
        Assert.DoesNotContain("\tHelm", Line(index, IdOf("helm")) + "\t", StringComparison.Ordinal);
        // Exact-case terms follow a vertical tab: the names known only from the landscape.
        Assert.Contains("\vVelero", Line(index, IdOf("velero")), StringComparison.Ordinal);
        // Look-up-only forms (match: false) and slugs are never in the index.
        Assert.DoesNotContain("Gatekeeper", Line(index, IdOf("opa-gatekeeper")).Split(['\t', '\v', '\f']));
        // A reading of an ambiguous name is ambiguous too.
        Assert.Contains("\fロケット", Line(index, IdOf("rkt")), StringComparison.Ordinal);
        Assert.DoesNotContain("\tkubernetes\t", Line(index, IdOf("kubernetes")) + "\t", StringComparison.Ordinal);
        // No definitions, names of categories or slugs: a line per technology, a few terms each.
        Assert.DoesNotContain("Open-source system", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_is_immutable_at_its_version_compressed_and_tagged_per_coding()
    {
        var versions = await VersionsAsync();
        using var plain = await GetAsync(versions.Index);
        using var gzip = await GetAsync(versions.Index, "gzip");
        using var brotli = await GetAsync(versions.Index, "gzip, deflate, br");
        var bytes = await DecodedAsync(plain);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        Assert.Equal("br", brotli.Content.Headers.ContentEncoding.Single());
        Assert.Equal(bytes, await DecodedAsync(gzip));
        Assert.Equal(bytes, await DecodedAsync(brotli));
        Assert.True(brotli.Content.Headers.ContentLength < gzip.Content.Headers.ContentLength);

        foreach (var response in new[] { plain, gzip, brotli })
        {
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
            Assert.Equal("Accept-Encoding", response.Headers.Vary.Single());
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            Assert.False(response.Headers.ETag!.IsWeak);
        }
        // Other bytes, other tags: the plain bytes' hash, with the coding appended.
        Assert.Equal(HttpCaching.ETagOf(bytes), plain.Headers.ETag!.Tag);
        Assert.Equal(plain.Headers.ETag!.Tag[..^1] + "-gzip\"", gzip.Headers.ETag!.Tag);
        Assert.Equal(plain.Headers.ETag!.Tag[..^1] + "-br\"", brotli.Headers.ETag!.Tag);

        using var notModified = await GetAsync(versions.Index, "br", brotli.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(brotli.Headers.ETag, notModified.Headers.ETag);
        // A tag of one coding does not validate another.
        using var otherCoding = await GetAsync(versions.Index, "gzip", brotli.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, otherCoding.StatusCode);
    }

    [Fact]
    public async Task Definitions_are_the_tooltips_of_just_the_ids_asked_for_in_ascending_order()
    {
        var versions = await VersionsAsync();
        int istio = IdOf("istio"), calico = IdOf("calico"), kubernetes = IdOf("kubernetes");
        using var response = await GetAsync($"{versions.Definitions}/ja?ids={istio},{kubernetes},{calico},{kubernetes},999999", "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var answer = JsonNode.Parse(await DecodedAsync(response))!;
        Assert.Equal(versions.Catalog.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)answer["version"]);
        Assert.Equal("ja", (string?)answer["lang"]);
        var entries = answer["entries"]!.AsArray();
        // Each known id once, ascending; the unknown one left out.
        Assert.Equal(new[] { istio, kubernetes, calico }.Order(), entries.Select(e => (int)e!["id"]!));

        var k8s = entries.Single(e => (int)e!["id"]! == kubernetes)!;
        Assert.Equal("kubernetes", (string?)k8s["slug"]);
        Assert.Equal("Kubernetes", (string?)k8s["name"]);
        Assert.StartsWith("コンテナ化したアプリケーション", (string?)k8s["definition"], StringComparison.Ordinal);
        Assert.Equal("ja", (string?)k8s["definitionLang"]);
        Assert.Equal(["スケジューリングとオーケストレーション"], k8s["categories"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("https://kubernetes.io/", (string?)k8s["url"]);
        // The first few talk titles and how many there are.
        Assert.InRange(k8s["talks"]!.AsArray().Count, 1, 4);
        Assert.True((int)k8s["talkCount"]! >= k8s["talks"]!.AsArray().Count);

        var calicoEntry = entries.Single(e => (int)e!["id"]! == calico)!;
        Assert.Equal(["Container Networking Deep dive"], calicoEntry["talks"]!.AsArray().Select(t => (string)t!));

        // The same technologies asked in any order are the same bytes.
        using var reordered = await GetAsync($"{versions.Definitions}/ja?ids={calico},{istio},{kubernetes}", "br");
        Assert.Equal(response.Headers.ETag, reordered.Headers.ETag);
        using var english = await GetAsync($"{versions.Definitions}/en?ids={kubernetes}");
        var en = JsonNode.Parse(await english.Content.ReadAsStringAsync())!["entries"]![0]!;
        Assert.StartsWith("Open-source system that deploys", (string?)en["definition"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ja?ids=1,x", "BAD_IDS")]
    [InlineData("ja?ids=", "BAD_IDS")]
    [InlineData("ja?ids=-3", "BAD_IDS")]
    [InlineData("fr?ids=1", "BAD_LANG")]
    public async Task Malformed_definitions_requests_get_a_clear_error_code(string rest, string code)
    {
        var versions = await VersionsAsync();
        using var response = await GetAsync($"{versions.Definitions}/{rest}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal(code, (string?)error["extensions"]!["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Too_many_ids_are_refused_with_the_limit_named()
    {
        var versions = await VersionsAsync();
        using var response = await GetAsync($"{versions.Definitions}/en?ids={string.Join(',', Enumerable.Range(1, 501))}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("TOO_MANY_IDS", (string?)error["extensions"]!["code"]);
        Assert.Contains("500", (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_versions_url_is_answered_from_the_current_catalog_with_a_short_cache()
    {
        var versions = await VersionsAsync();
        using var index = await GetAsync($"/widget/index/{versions.Catalog + 1000}");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("public, max-age=60", index.Headers.CacheControl!.ToString());
        Assert.StartsWith($"catalog-terms 1 {versions.Catalog}\n", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var definitions = await GetAsync($"/widget/definitions/{versions.Catalog - 1}/en?ids={IdOf("istio")}");
        Assert.Equal("public, max-age=60", definitions.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Once_warm_the_version_index_and_definitions_are_served_from_memory()
    {
        var versions = await VersionsAsync();
        var definitions = $"{versions.Definitions}/ja?ids={IdOf("istio")},{IdOf("envoy")}";
        (await GetAsync(versions.Index, "br")).Dispose();
        (await GetAsync(definitions, "br")).Dispose();
        var commands = await api.CountCommandsAsync(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                foreach (var url in new[] { "/widget/version", versions.Index, definitions })
                {
                    using var response = await GetAsync(url, "br");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }
        });
        Assert.Equal(0, commands);
    }

    [Fact]
    public async Task Refusals_before_the_endpoint_are_readable_from_any_origin_with_their_code()
    {
        var versions = await VersionsAsync();
        using var longUrl = await GetAsync($"{versions.Definitions}/en?ids=" + string.Join(',', Enumerable.Range(1, 2_000)));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + new string('x', 150_000) + "\"}}", Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("Origin", "https://blog.example");
        using var largeBody = await api.Client.SendAsync(post);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, longUrl.StatusCode);
        Assert.Equal("URI_TOO_LONG", (string?)JsonNode.Parse(await longUrl.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeBody.StatusCode);
        foreach (var response in new[] { longUrl, largeBody })
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task The_version_document_names_the_script_and_the_catalogs_urls_and_is_cached_a_minute()
    {
        using var response = await GetAsync("/widget/version");
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        // The script's fingerprinted URL (a static web asset's), cached for a year.
        Assert.Matches("^/widget/glossary\\.[0-9a-z]{6,}\\.js$", (string?)json["script"]);
        var catalog = (string)json["catalog"]!;
        Assert.Equal($"/widget/index/{catalog}", (string?)json["index"]);
        Assert.Equal($"/widget/definitions/{catalog}", (string?)json["definitions"]);
        using var again = await GetAsync("/widget/version", ifNoneMatch: response.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task The_script_is_served_compressed_with_a_tag_per_coding()
    {
        var script = (string)JsonNode.Parse(await api.Client.GetStringAsync("/widget/version"))!["script"]!;
        using var plain = await GetAsync(script);
        using var brotli = await GetAsync(script, "br");
        using var gzip = await GetAsync(script, "gzip");
        Assert.Equal("br", brotli.Content.Headers.ContentEncoding.Single());
        var bytes = await DecodedAsync(plain);
        Assert.Equal(bytes, await DecodedAsync(brotli));
        Assert.Equal(bytes, await DecodedAsync(gzip));
        Assert.Equal(3, new[] { plain, brotli, gzip }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.Equal("Accept-Encoding", brotli.Headers.Vary.Single());
        Assert.True(brotli.Content.Headers.ContentLength <= 6 * 1024, $"the widget is {brotli.Content.Headers.ContentLength} bytes with Brotli");
    }

    [Fact]
    public async Task GraphQL_answers_are_compressed_and_a_cached_answers_etag_names_its_coding()
    {
        const string Url = "/graphql?query=%7B%20glossary(lang%3A%20JA)%20%7B%20slug%20definition%20%7D%20%7D";
        HttpRequestMessage Get(string? encoding, string? ifNoneMatch = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Url);
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            if (encoding is not null) request.Headers.AcceptEncoding.ParseAdd(encoding);
            if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            return request;
        }

        using var plain = await api.Client.SendAsync(Get(null));
        using var brotli = await api.Client.SendAsync(Get("br"));
        using var gzip = await api.Client.SendAsync(Get("gzip"));
        var bytes = await DecodedAsync(plain);
        Assert.Equal("br", brotli.Content.Headers.ContentEncoding.Single());
        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        Assert.Equal(bytes, await DecodedAsync(brotli));
        Assert.Equal(bytes, await DecodedAsync(gzip));
        Assert.Equal(HttpCaching.ETagOf(bytes), plain.Headers.ETag!.Tag);
        Assert.Equal(plain.Headers.ETag.Tag[..^1] + "-br\"", brotli.Headers.ETag!.Tag);
        Assert.Equal(plain.Headers.ETag.Tag[..^1] + "-gzip\"", gzip.Headers.ETag!.Tag);
        // It still varies by Accept (the media type) and now by Accept-Encoding too.
        Assert.Equal(["Accept", "Accept-Encoding"], brotli.Headers.Vary.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).Order(StringComparer.Ordinal));
        // The response cache keeps the coded bytes it sent: a repeat is the same Brotli bytes, compressed once.
        var cache = api.Services.GetRequiredService<ResponseCache>();
        var key = MediaTypes.GraphQLResponse + " " + Url["/graphql".Length..];
        var keptBrotli = cache.Peek(key)!.Content.Brotli;
        using var repeat = await api.Client.SendAsync(Get("br"));
        Assert.Equal(keptBrotli, await repeat.Content.ReadAsByteArrayAsync());
        Assert.Same(keptBrotli, cache.Peek(key)!.Content.Brotli);

        using var notModified = await api.Client.SendAsync(Get("br", brotli.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(brotli.Headers.ETag, notModified.Headers.ETag);
        Assert.Contains("Accept-Encoding", notModified.Headers.Vary);
        // The tag of the Brotli bytes does not validate the gzip ones, nor the plain tag the Brotli ones.
        using var gzipWithBrotliTag = await api.Client.SendAsync(Get("gzip", brotli.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.OK, gzipWithBrotliTag.StatusCode);
        using var brotliWithPlainTag = await api.Client.SendAsync(Get("br", plain.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.OK, brotliWithPlainTag.StatusCode);
        using var plainAgain = await api.Client.SendAsync(Get(null, plain.Headers.ETag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, plainAgain.StatusCode);

        // An answer too small to gain from compression is sent as it is, under the plain bytes' tag, even to a client
        // that accepts Brotli: no coding is applied to bytes whose tag names other bytes.
        using var tiny = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        tiny.Headers.AcceptEncoding.ParseAdd("br");
        using var tinyAnswer = await api.Client.SendAsync(tiny);
        Assert.Empty(tinyAnswer.Content.Headers.ContentEncoding);
        var tinyBytes = await tinyAnswer.Content.ReadAsByteArrayAsync();
        Assert.Equal("""{"data":{"__typename":"Query"}}""", Encoding.UTF8.GetString(tinyBytes));
        Assert.Equal(HttpCaching.ETagOf(tinyBytes), tinyAnswer.Headers.ETag!.Tag);
        Assert.Contains("Accept-Encoding", tinyAnswer.Headers.Vary);

        // POST answers are compressed too (not cacheable, so no tag).
        using var post = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("""{"query":"{ glossary(lang: EN) { slug terms } }"}""", Encoding.UTF8, "application/json") };
        post.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var posted = await api.Client.SendAsync(post);
        Assert.Equal("br", posted.Content.Headers.ContentEncoding.Single());
        Assert.Contains("kubernetes", Encoding.UTF8.GetString(await DecodedAsync(posted)), StringComparison.Ordinal);
    }
}
