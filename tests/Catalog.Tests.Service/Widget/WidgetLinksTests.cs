using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Api.Linking;
using Catalog.Api.Snapshot;
using Catalog.Ingest.Linking;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Widget;

/// <summary>
/// <c>POST /widget/links/{version}</c>: the widget sends a page's text as blocks and gets back, per block, the spans
/// that link, decided by the same linker as every other path that links; so an ambiguous name ("helm") links where
/// the page is about the technology and nowhere else.
/// </summary>
public sealed class WidgetLinksTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private CatalogSnapshot Snapshot => api.Services.GetRequiredService<CatalogSnapshots>().Current!;

    private async Task<string> LinksPathAsync() =>
        (string)JsonNode.Parse(await api.Client.GetStringAsync("/widget/version"))!["links"]!;

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "text/plain", HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, await LinksPathAsync())
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("Origin", "https://blog.example");
        return await (client ?? api.Client).SendAsync(request);
    }

    private static string Body(params string[] blocks) => new JsonObject { ["blocks"] = new JsonArray([.. blocks.Select(b => JsonValue.Create(b))]) }.ToJsonString();

    /// <summary>The spans of each block, as (start, length, id).</summary>
    private async Task<List<List<(int Start, int Length, int Id)>>> LinksAsync(params string[] blocks)
    {
        using var response = await PostAsync(Body(blocks));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)answer["version"]);
        return [.. answer["links"]!.AsArray().Select(block => block!.AsArray()
            .Select(span => ((int)span![0]!, (int)span[1]!, (int)span[2]!)).ToList())];
    }

    private int IdOf(string slug) => Snapshot.FindTechnology(slug)!.Id;

    [Fact]
    public async Task An_everyday_helm_does_not_link_and_helm_next_to_kubernetes_does()
    {
        Assert.Equal([[]], await LinksAsync("The captain took the helm as the wind picked up."));

        // Positions count UTF-16 code units, as a page's script does (the ship is two).
        const string Technical = "🚢 We deploy with Helm and Kubernetes";
        // Kubernetes is unambiguous: the widget links it by itself, and the answer lists only what it cannot decide.
        Assert.Equal([[(Technical.IndexOf("Helm", StringComparison.Ordinal), 4, IdOf("helm"))]], await LinksAsync(Technical));
    }

    [Fact]
    public async Task The_answer_is_the_linkers_decision_for_the_same_blocks_grouped_by_block()
    {
        string[] blocks =
        [
            "The captain took the helm as the wind picked up.",
            "We package the app as a Helm chart and deploy it to Kubernetes.",
            "Secrets come from Vault; we run `vault kv get` in the pipeline.",
            "",
            "Harbor seals rest on the rocks.",
            "Our images live in Harbor next to the registry mirror https://goharbor.io/",
            "Kafka wrote The Trial. コンテナランタイムはcontainerdです。",
        ];
        var all = SnapshotLinking.Of(Snapshot).Decide(blocks);
        var expected = all.Where(d => d.Evidence != Linker.NameAlone).ToList();
        // The document holds both kinds: names the widget decides alone, and ambiguous ones the service decides.
        Assert.NotEmpty(expected);
        Assert.Contains(all, d => d.Evidence == Linker.NameAlone);
        var links = await LinksAsync(blocks);
        Assert.Equal(blocks.Length, links.Count);
        var slugs = Snapshot.Technologies.Values.ToDictionary(t => t.Id, t => t.Slug);
        var answered = links.SelectMany((spans, block) => spans.Select(s => (block, s.Start, s.Length, slugs[s.Id])));
        Assert.Equal(
            expected.Select(d => (d.Block, d.Start, d.Length, d.Slug)).Order(),
            answered.Order());
    }

    [Fact]
    public async Task The_answer_is_json_never_cached_and_readable_from_any_origin()
    {
        using var response = await PostAsync(Body("We deploy with Helm and Kubernetes"), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Null(response.Headers.ETag);
    }

    [Theory]
    [InlineData("not json", "BAD_BLOCKS")]
    [InlineData("""["a list"]""", "BAD_BLOCKS")]
    [InlineData("""{"text": "Helm"}""", "BAD_BLOCKS")]
    [InlineData("""{"blocks": "Helm"}""", "BAD_BLOCKS")]
    [InlineData("""{"blocks": ["Helm", 3]}""", "BAD_BLOCKS")]
    [InlineData("""{"blocks": ["Helm", "a NUL \u0000 here"]}""", "INVALID_TEXT")]
    [InlineData("""{"blocks": ["a bell \u0007 here"]}""", "INVALID_TEXT")]
    [InlineData("""{"blocks": ["half a pair \ud800 here"]}""", "INVALID_TEXT")]
    [InlineData("""{"blocks": ["the other half \udc00"]}""", "INVALID_TEXT")]
    public async Task Malformed_blocks_get_a_clear_error_code(string body, string code)
    {
        using var response = await PostAsync(body);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Too_many_blocks_are_refused_with_the_limit_named()
    {
        using var response = await PostAsync(Body([.. Enumerable.Repeat("Helm", 2001)]));
        var message = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "TOO_MANY_BLOCKS");
        Assert.Contains("2000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_and_another_media_type_with_415()
    {
        using var large = await PostAsync(Body(new string('x', 120_000)));
        await AssertErrorAsync(large, HttpStatusCode.RequestEntityTooLarge, "BODY_TOO_LARGE");
        using var form = await PostAsync("blocks=Helm", "application/x-www-form-urlencoded");
        await AssertErrorAsync(form, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task While_the_linker_is_being_made_a_page_is_told_to_try_again_and_then_gets_its_links()
    {
        // A linker held back past the endpoint's wait, as a large catalog's is right after a change.
        using var release = new ManualResetEventSlim();
        await using var host = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<LinkerOf>(catalog => { release.Wait(); return SnapshotLinking.Of(catalog); })));
        using var client = host.CreateClient();
        var body = Body("We deploy with Helm and Kubernetes");
        try
        {
            using var early = await PostAsync(body, client: client);
            var message = await AssertErrorAsync(early, HttpStatusCode.ServiceUnavailable, "NOT_READY");
            Assert.Contains("try again", message, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromSeconds(5), early.Headers.RetryAfter?.Delta);
        }
        finally
        {
            release.Set();
        }
        using var later = await PostAsync(body, client: client);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var links = JsonNode.Parse(await later.Content.ReadAsStringAsync())!["links"]!.AsArray();
        Assert.Equal(IdOf("helm"), (int)links.Single()!.AsArray().Single()![2]!);
    }

    private static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal(code, (string?)error["extensions"]!["code"]);
        var message = (string?)error["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return message!;
    }
}
