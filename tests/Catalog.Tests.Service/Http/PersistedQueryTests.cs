using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Api.Graph.Documents;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Catalog.Tests.Http;

/// <summary>
/// Documents sent by hash: automatic persisted queries as Apollo Client and urql send them, and <c>documentId</c>; and
/// any instance on the same database answers a hash that another instance ran.
/// </summary>
public sealed class PersistedQueryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>A query no other test sends, so no instance knows it yet.</summary>
    private static string NewQuery() => $"query Apq{Guid.NewGuid():N} {{ technology(slug: \"envoy\") {{ slug name }} }}";

    private static string Extensions(string hash, int version = 1) =>
        JsonSerializer.Serialize(new { persistedQuery = new { version, sha256Hash = hash } });

    private static string HashedGetUrl(string hash) => "/graphql?extensions=" + Uri.EscapeDataString(Extensions(hash));

    private static async Task<(HttpResponseMessage Message, JsonNode Json)> SendAsync(HttpClient client, HttpMethod method, string url, string? body = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.ParseAdd(GraphQLResponse);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    private static string? Code(JsonNode json) => (string?)json["errors"]?[0]?["extensions"]?["code"];

    [Fact]
    public async Task An_unknown_hash_asks_for_the_query_the_way_apollo_and_urql_expect_and_is_never_cached()
    {
        var hash = PersistedDocumentStore.Sha256(NewQuery());
        var byGet = await SendAsync(api.Client, HttpMethod.Get, HashedGetUrl(hash));
        var byPost = await SendAsync(api.Client, HttpMethod.Post, "/graphql", "{\"extensions\":" + Extensions(hash) + "}");

        foreach (var (message, json) in new[] { byGet, byPost })
        {
            Assert.Equal(ErrorCodes.PersistedQueryNotFound, Code(json));
            Assert.Equal(PersistedDocuments.NotFoundMessage, (string?)json["errors"]![0]!["message"]);
            Assert.False(json.AsObject().ContainsKey("data"));
            Assert.Null(message.Headers.ETag);
            Assert.Null(message.Headers.CacheControl);
        }
    }

    [Fact]
    public async Task A_query_sent_once_with_its_hash_runs_by_hash_alone_with_the_caching_headers_of_any_get()
    {
        var query = NewQuery();
        var hash = PersistedDocumentStore.Sha256(query);
        var first = await SendAsync(api.Client, HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query, extensions = JsonNode.Parse(Extensions(hash)) }));
        Assert.Equal("Envoy", (string?)first.Json["data"]!["technology"]!["name"]);

        var byHash = await SendAsync(api.Client, HttpMethod.Get, HashedGetUrl(hash));
        Assert.Equal(HttpStatusCode.OK, byHash.Message.StatusCode);
        Assert.Equal("Envoy", (string?)byHash.Json["data"]!["technology"]!["name"]);
        var plain = await SendAsync(api.Client, HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query));
        Assert.Equal(plain.Message.Headers.CacheControl, byHash.Message.Headers.CacheControl);
        Assert.True(byHash.Message.Headers.CacheControl!.Public);
        Assert.False(byHash.Message.Headers.ETag!.IsWeak);

        var revalidated = await SendAsync(api.Client, HttpMethod.Get, HashedGetUrl(hash), ifNoneMatch: byHash.Message.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Message.StatusCode);
    }

    [Fact]
    public async Task A_query_that_does_not_match_its_hash_is_refused_and_not_kept()
    {
        var query = NewQuery();
        var wrongHash = PersistedDocumentStore.Sha256(query + " ");
        var refused = await SendAsync(api.Client, HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query, extensions = JsonNode.Parse(Extensions(wrongHash)) }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Message.StatusCode);
        Assert.Equal(ErrorCodes.PersistedQueryHashMismatch, Code(refused.Json));
        Assert.Contains(PersistedDocumentStore.Sha256(query), (string?)refused.Json["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, Code((await SendAsync(api.Client, HttpMethod.Get, HashedGetUrl(wrongHash))).Json));
    }

    [Theory]
    [InlineData("""{"version":2,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}""")]
    [InlineData("""{"version":1,"sha256Hash":"not-a-hash"}""")]
    [InlineData("""{"version":1}""")]
    [InlineData("\"a string\"")]
    public async Task A_malformed_persisted_query_is_a_bad_request(string persistedQuery)
    {
        var response = await SendAsync(api.Client, HttpMethod.Post, "/graphql", "{\"extensions\":{\"persistedQuery\":" + persistedQuery + "}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Message.StatusCode);
        Assert.Equal(ErrorCodes.BadRequest, Code(response.Json));
    }

    [Fact]
    public async Task A_document_run_on_one_instance_is_accepted_by_hash_on_another_on_the_same_database()
    {
        await using var other = new SecondInstance(api.ConnectionString);
        using var otherClient = other.CreateClient();
        var query = NewQuery();
        var hash = PersistedDocumentStore.Sha256(query);
        Assert.Equal("DOCUMENT_NOT_FOUND", Code((await SendAsync(otherClient, HttpMethod.Get, $"/graphql?documentId=sha256:{hash}")).Json));

        var ran = await SendAsync(api.Client, HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query }));
        Assert.Equal("Envoy", (string?)ran.Json["data"]!["technology"]!["name"]);

        var byDocumentId = await SendAsync(otherClient, HttpMethod.Get, $"/graphql?documentId=sha256:{hash}");
        var byApq = await SendAsync(otherClient, HttpMethod.Post, "/graphql", "{\"extensions\":" + Extensions(hash) + "}");
        foreach (var (message, json) in new[] { byDocumentId, byApq })
        {
            Assert.Equal(HttpStatusCode.OK, message.StatusCode);
            Assert.Equal(ran.Json["data"]!.ToJsonString(), json["data"]!.ToJsonString());
        }
    }

    /// <summary>Another instance of the service on the first one's database, as a second replica would be.</summary>
    private sealed class SecondInstance(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Catalog", connectionString);
            builder.UseSetting("Catalog:SeedPath", Seeds.Repository);
            builder.UseSetting("Catalog:Limits:RateLimitPermits", "0");
        }
    }
}
