using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Catalog.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Graph;

/// <summary>The GraphiQL IDE over HTTP: its page, its assets, and its example operations against the schema.</summary>
public sealed partial class IdeEndpointTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    // What the bundle was tested with: no inline or eval'd script.
    private const string ExpectedPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; " +
        "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static string Examples => Path.Combine(Path.GetDirectoryName(Seeds.Repository)!, "src", "Catalog.Ide", "src", "examples.ts");

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (acceptEncoding is not null) request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return await api.Client.SendAsync(request);
    }

    private async Task<string> PageAsync()
    {
        using var response = await GetAsync("/graphql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> AssetUrlAsync(string file) =>
        Assert.Single(AssetUrl().Matches(await PageAsync()).Select(m => m.Groups[1].Value), u => u.StartsWith($"/graphql-ide/{Path.GetFileNameWithoutExtension(file)}.", StringComparison.Ordinal) && u.EndsWith(Path.GetExtension(file), StringComparison.Ordinal));

    [GeneratedRegex("(?:src|href|data-graph-view)=\"(/graphql-ide/[^\"]+)\"")]
    private static partial Regex AssetUrl();

    [Fact]
    public async Task A_browser_get_of_graphql_gets_the_ide_under_a_strict_content_security_policy()
    {
        using var response = await GetAsync("/graphql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ExpectedPolicy, string.Join("; ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe-eval", ExpectedPolicy, StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.True(response.Headers.CacheControl?.NoCache);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"graphiql\"", html, StringComparison.Ordinal);
        // Each asset by its fingerprinted URL.
        Assert.Matches("<script type=\"module\"[^>]* src=\"/graphql-ide/ide\\.[0-9a-z]{6,}\\.js\"", html);
        Assert.Matches("<link rel=\"stylesheet\"[^>]* href=\"/graphql-ide/ide\\.[0-9a-z]{6,}\\.css\"", html);
        // The graph view's bundle, which ide.js imports when the panel first opens: only the page knows its URL.
        Assert.Matches("<div id=\"graphiql\"[^>]* data-graph-view=\"/graphql-ide/ide-graph-view\\.[0-9a-z]{6,}\\.js\"", html);
        // Nothing from another origin.
        Assert.DoesNotMatch("(?:src|href)=\"(?:https?:)?//", html);
    }

    [Fact]
    public async Task A_get_of_graphql_without_html_in_accept_is_a_graphql_request_not_the_ide()
    {
        using var response = await GetAsync("/graphql", "application/json");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"errors\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ide.js", "text/javascript")]
    [InlineData("ide.css", "text/css")]
    [InlineData("ide-graph-view.js", "text/javascript")]
    public async Task An_asset_is_served_with_its_type_precompressed_with_a_strong_etag_per_encoding_and_cached_for_a_year(string file, string mediaType)
    {
        var url = await AssetUrlAsync(file);
        using var plain = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(mediaType, plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(TimeSpan.FromDays(365), plain.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", plain.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(plain.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        var bytes = await plain.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 10_000);

        using var brotli = await GetAsync(url, acceptEncoding: "br");
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal(mediaType, brotli.Content.Headers.ContentType?.MediaType);
        var compressed = await brotli.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < bytes.Length / 2, $"{file}: {compressed.Length} bytes compressed from {bytes.Length}");
        Assert.Equal(compressed.Length, brotli.Content.Headers.ContentLength);
        await using (var decoded = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress))
            Assert.Equal(bytes, await ReadAllAsync(decoded));
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        // Each encoding is other bytes, so it has its own strong tag, and each tag revalidates its own bytes.
        Assert.False(plain.Headers.ETag!.IsWeak);
        Assert.False(brotli.Headers.ETag!.IsWeak);
        Assert.NotEqual(plain.Headers.ETag, brotli.Headers.ETag);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.AcceptEncoding.ParseAdd("br");
        revalidate.Headers.IfNoneMatch.Add(brotli.Headers.ETag);
        using (var notModified = await api.Client.SendAsync(revalidate))
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var gzip = await GetAsync(url, acceptEncoding: "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.NotEqual(brotli.Headers.ETag, gzip.Headers.ETag);
        await using (var decoded = new GZipStream(await gzip.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
            Assert.Equal(bytes, await ReadAllAsync(decoded));

        // A browser that takes both gets the smaller (Brotli for the large files; gzip can win on a small one).
        using var browser = await GetAsync(url, acceptEncoding: "gzip, deflate, br, zstd");
        Assert.Equal(compressed.Length <= gzip.Content.Headers.ContentLength ? "br" : "gzip", Assert.Single(browser.Content.Headers.ContentEncoding));

        using var refused = await GetAsync(url, acceptEncoding: "br;q=0, gzip;q=0");
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        Assert.Equal(bytes, await refused.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_asset_at_its_plain_url_is_revalidated_and_an_unknown_one_is_not_found()
    {
        using var stale = await GetAsync("/graphql-ide/ide.css");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.True(stale.Headers.CacheControl?.NoCache);
        using var missing = await GetAsync("/graphql-ide/nothing.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_first_example_answers_job_one_from_the_seed()
    {
        var example = ReadExamples()[0];
        Assert.Equal("Which talks covered it?", example.Name);
        var data = await api.DataAsync(example.Query, JsonNode.Parse(example.Variables!));
        var technology = data["technology"]!;
        Assert.Equal("Concourse", (string?)technology["name"]);
        Assert.Contains(technology["talks"]!.AsArray(), t => ((string?)t!["title"])!.Contains("kubernets-as-a-service", StringComparison.Ordinal));
        Assert.Contains(technology["mentions"]!.AsArray(), m => (int)m!["line"]! == 69 && (string?)m["matchedText"] == "concurse ci");
    }

    /// <summary>
    /// Every example of examples.ts is valid against the schema (the graph view's own are run below). The root fields
    /// another change adds (glossary, path) are let through only while the schema lacks them: once they exist, their
    /// examples must validate like the rest.
    /// </summary>
    [Fact]
    public async Task Every_example_operation_of_the_ide_is_valid_against_the_schema()
    {
        string[] pending = ["glossary", "path"];
        var schema = api.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var examples = ReadExamples();
        Assert.Equal(5, examples.Count);
        foreach (var example in examples)
        {
            var response = await api.QueryAsync(example.Query, example.Variables is null ? null : JsonNode.Parse(example.Variables));
            var unexpected = (response["errors"]?.AsArray() ?? []).Select(e => (string)e!["message"]!).Where(message =>
            {
                var missing = MissingRootField().Match(message);
                return !(missing.Success && pending.Contains(missing.Groups[1].Value) && schema.Query.GetField(missing.Groups[1].Value) is null);
            }).ToList();
            Assert.True(unexpected.Count == 0, $"The example '{example.Name}' is not valid: {string.Join("; ", unexpected)}");
        }
    }

    /// <summary>The graph view's example tabs run without an error and find what they are about.</summary>
    [Fact]
    public async Task The_graph_views_examples_find_istios_neighbourhood_and_the_path_from_calico_to_envoy()
    {
        var examples = ReadExamples(GraphExamples);
        Assert.Equal(["Istio’s neighbourhood", "Path from Calico to Envoy"], examples.Select(e => e.Name));

        var istio = (await api.DataAsync(examples[0].Query))["technology"]!;
        Assert.Equal("istio", (string?)istio["slug"]);
        Assert.Contains(istio["related"]!.AsArray(), r => (string?)r!["kind"] == "USES" && (string?)r["technology"]!["slug"] == "envoy");
        Assert.NotEmpty(istio["talks"]!.AsArray());

        var steps = (await api.DataAsync(examples[1].Query))["path"]!["steps"]!.AsArray();
        Assert.Equal("calico", (string?)steps[0]!["from"]!["slug"]);
        Assert.Equal("envoy", (string?)steps[^1]!["to"]!["slug"]);
    }

    /// <summary>
    /// Every neighbourhood operation that the graph view opens for a clicked node runs against the schema and finds
    /// the node, filled in with a real object of its type from the seed.
    /// </summary>
    [Fact]
    public async Task Every_neighbourhood_operation_of_the_graph_view_runs_and_finds_its_node()
    {
        var seed = await api.DataAsync("""
            {
              technology(slug: "kubernetes") { slug aliases { id } }
              categories { slug }
              organizations(first: 1, withTalks: true) { nodes { slug } }
              people(first: 1) { nodes { slug } }
              talks(first: 1) { nodes { slug } }
              events { slug }
              documents { slug }
            }
            """);
        var slugs = new Dictionary<string, string>
        {
            ["Technology"] = (string)seed["technology"]!["slug"]!,
            ["Category"] = (string)seed["categories"]![0]!["slug"]!,
            ["Organization"] = (string)seed["organizations"]!["nodes"]![0]!["slug"]!,
            ["Person"] = (string)seed["people"]!["nodes"]![0]!["slug"]!,
            ["Talk"] = (string)seed["talks"]!["nodes"]![0]!["slug"]!,
            ["Event"] = (string)seed["events"]![0]!["slug"]!,
            ["SourceDocument"] = (string)seed["documents"]![0]!["slug"]!,
        };
        var aliasId = (string)seed["technology"]!["aliases"]![0]!["id"]!;

        var templates = NeighbourhoodTemplate().Matches(File.ReadAllText(Neighbourhoods))
            .ToDictionary(m => m.Groups["type"].Value, m => m.Groups["query"].Value);
        Assert.Equal(slugs.Keys.Append("Node").Order(StringComparer.Ordinal), templates.Keys.Order(StringComparer.Ordinal));
        foreach (var (type, template) in templates)
        {
            var query = template.Replace("{Name}", "Probe", StringComparison.Ordinal)
                .Replace("\"{slug}\"", JsonSerializer.Serialize(slugs.GetValueOrDefault(type, "")), StringComparison.Ordinal)
                .Replace("\"{id}\"", JsonSerializer.Serialize(aliasId), StringComparison.Ordinal);
            var response = await api.QueryAsync(query);
            Assert.True(response["errors"] is null, $"The {type} neighbourhood failed: {response["errors"]?.ToJsonString()}");
            var root = Assert.Single(response["data"]!.AsObject());
            Assert.True(root.Value is JsonObject, $"The {type} neighbourhood found nothing: {response.ToJsonString()}");
        }
    }

    private static string Neighbourhoods => Path.Combine(Path.GetDirectoryName(Examples)!, "graph", "neighbourhood.ts");

    private static string GraphExamples => Path.Combine(Path.GetDirectoryName(Examples)!, "graph", "examples.ts");

    [GeneratedRegex(@"^  (?<type>\w+): `(?<query>[^`]*)`,", RegexOptions.Multiline)]
    private static partial Regex NeighbourhoodTemplate();

    [GeneratedRegex("^Cannot query field '(\\w+)' on type 'Query'\\.")]
    private static partial Regex MissingRootField();

    private sealed record Example(string Name, string Query, string? Variables);

    /// <summary>The examples as examples.ts (or another such file) declares them: name, query and variables as literal strings.</summary>
    private static List<Example> ReadExamples(string? file = null)
    {
        var source = File.ReadAllText(file ?? Examples);
        var examples = ExampleLiteral().Matches(source)
            .Select(m => new Example(m.Groups["name"].Value, m.Groups["query"].Value, m.Groups["variables"].Success ? m.Groups["variables"].Value : null))
            .ToList();
        Assert.Equal(NameProperty().Count(source), examples.Count);
        Assert.All(examples, e => Assert.DoesNotContain("${", e.Query, StringComparison.Ordinal));
        return examples;
    }

    [GeneratedRegex(@"name:\s*'(?<name>[^']*)',\s*query:\s*`(?<query>[^`]*)`,(?:\s*variables:\s*`(?<variables>[^`]*)`,)?")]
    private static partial Regex ExampleLiteral();

    [GeneratedRegex(@"\bname:\s*'")]
    private static partial Regex NameProperty();

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
