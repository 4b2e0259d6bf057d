using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Auth;
using Catalog.Api.Caching;
using Catalog.Api.Data;
using Catalog.Api.Graph.Http;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Catalog.Tests.Http;

/// <summary>
/// Query answers (GET or POST) are kept until PostgreSQL says the catalog changed: repeats and revalidations run no
/// SQL, and a write (whoever makes it) is visible in the next answer.
/// </summary>
public sealed class ResponseCacheTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Glossary = "query G($lang: Lang!) { glossary(lang: $lang) { slug terms } }";

    private static string Url(string lang) =>
        "/graphql?query=" + Uri.EscapeDataString(Glossary) + "&variables=" + Uri.EscapeDataString($$"""{"lang":"{{lang}}"}""");

    private async Task<HttpResponseMessage> GetAsync(string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await api.Client.SendAsync(request);
    }

    private async Task AddAliasAsync(string technology, string alias)
    {
        var key = await api.Services.GetRequiredService<ApiKeys>().CreateAsync("cache-tests-" + alias);
        var response = await Attack.PostAsync(api.Client,
            $$"""mutation { addTechnologyAlias(input: { technology: "{{technology}}", alias: "{{alias}}", kind: NOTES_SPELLING }) { slug } }""",
            headers: [("Authorization", "Bearer " + key)]);
        Assert.True(response.Json!["errors"] is null, response.Json.ToJsonString());
    }

    [Fact]
    public async Task Repeats_and_revalidations_run_no_sql_until_a_write_changes_the_answer()
    {
        using var first = await GetAsync(Url("EN"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadAsByteArrayAsync();
        var etag = first.Headers.ETag!.Tag;

        byte[] again = [];
        HttpStatusCode revalidated = 0;
        var commands = await api.CountCommandsAsync(async () =>
        {
            using var repeat = await GetAsync(Url("EN"));
            again = await repeat.Content.ReadAsByteArrayAsync();
            Assert.Equal(etag, repeat.Headers.ETag!.Tag);
            Assert.Equal("application/graphql-response+json", repeat.Content.Headers.ContentType!.MediaType);
            using var notModified = await GetAsync(Url("EN"), etag);
            revalidated = notModified.StatusCode;
        });
        Assert.Equal(0, commands);
        Assert.Equal(body, again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated);

        var catalog = api.Services.GetRequiredService<ICatalogVersion>();
        var before = catalog.Current;
        await AddAliasAsync("istio", "isutio-cached");
        for (var i = 0; i < 100 && catalog.Current == before; i++) await Task.Delay(50);
        Assert.True(before != catalog.Current, $"version {before} -> {catalog.Current}");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        string changed;
        do
        {
            using var response = await GetAsync(Url("EN"), etag);
            changed = response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : "";
        } while (!changed.Contains("isutio-cached", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());
        var istio = JsonNode.Parse(changed)!["data"]!["glossary"]!.AsArray().Single(e => (string?)e!["slug"] == "istio")!;
        Assert.Contains("isutio-cached", istio["terms"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task A_repeated_POST_query_is_answered_from_the_kept_bytes_until_a_write_changes_it()
    {
        var cache = api.Services.GetRequiredService<ResponseCache>();
        var body = JsonSerializer.Serialize(new { query = Glossary, variables = new { lang = "JA" } });
        var key = MediaTypes.GraphQLResponse + " POST " + body;

        // Asked once, it is only executed (a one-off question is not worth keeping); asked again, it is kept.
        var first = await Attack.PostRawAsync(api.Client, body, "application/json");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(cache.Peek(key));
        var second = await Attack.PostRawAsync(api.Client, body, "application/json");
        var kept = cache.Peek(key);
        Assert.NotNull(kept);
        Assert.Equal(first.Json!.ToJsonString(), second.Json!.ToJsonString());
        var again = await Attack.PostRawAsync(api.Client, body, "application/json");
        Assert.Same(kept, cache.Peek(key));
        Assert.Equal(first.Json!.ToJsonString(), again.Json!.ToJsonString());
        Assert.Equal(kept.Content.Plain, await again.Message.Content.ReadAsByteArrayAsync());
        // What HTTP caches may keep is for GETs: a POST's answer carries no validator or freshness.
        Assert.Null(again.Message.Headers.ETag);
        Assert.Null(again.Message.Headers.CacheControl);
        // The same question in other bytes is another key: no answer is served for a body it was not computed for.
        var spaced = body.Replace("{", "{ ", StringComparison.Ordinal);
        Assert.Null(cache.Peek(MediaTypes.GraphQLResponse + " POST " + spaced));

        await AddAliasAsync("containerd", "kontena-posted");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        JsonNode? entry;
        do
        {
            var response = await Attack.PostRawAsync(api.Client, body, "application/json");
            entry = response.Json!["data"]!["glossary"]!.AsArray().Single(e => (string?)e!["slug"] == "containerd");
        } while (!entry!["terms"]!.AsArray().Any(t => (string?)t == "kontena-posted") && DateTime.UtcNow < deadline && await Delay());
        Assert.Contains("kontena-posted", entry!["terms"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task A_mutation_or_an_answer_with_errors_is_never_kept()
    {
        var cache = api.Services.GetRequiredService<ResponseCache>();
        var key = await api.Services.GetRequiredService<ApiKeys>().CreateAsync("cache-tests-mutation");
        var mutation = JsonSerializer.Serialize(new { query = """mutation { addTechnologyAlias(input: { technology: "envoy", alias: "enboi-kept", kind: NOTES_SPELLING }) { slug } }""" });
        // Each asked twice, so that only what they are (a mutation, a failure) keeps them out: the mutation runs again
        // and finds its own alias.
        var response = await Attack.PostRawAsync(api.Client, mutation, "application/json", [("Authorization", "Bearer " + key)]);
        Assert.True(response.Json!["errors"] is null, response.Json.ToJsonString());
        var again = await Attack.PostRawAsync(api.Client, mutation, "application/json", [("Authorization", "Bearer " + key)]);
        Assert.Equal("CONFLICT", again.Code);
        Assert.Null(cache.Peek(MediaTypes.GraphQLResponse + " POST " + mutation));

        var failing = JsonSerializer.Serialize(new { query = """{ technology(slug: "istio") { slug } nope }""" });
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await Attack.PostRawAsync(api.Client, failing, "application/json")).Status);
        Assert.Null(cache.Peek(MediaTypes.GraphQLResponse + " POST " + failing));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    [Fact]
    public async Task Search_finds_an_alias_as_soon_as_it_is_written()
    {
        await AddAliasAsync("containerd", "kontenadi-search");
        var results = (await api.DataAsync("""{ search(query: "KONTENADI-SEARCH", first: 3) { matched item { ... on Technology { slug } } } }"""))["search"]!.AsArray();
        Assert.Equal("containerd", (string?)results[0]!["item"]!["slug"]);
        Assert.Equal("kontenadi-search", (string?)results[0]!["matched"]);
    }

    [Fact]
    public async Task Every_catalog_table_notifies_its_changes()
    {
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Where(t => t is not ("api_keys" or "persisted_documents")).Distinct().Order().ToList();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE g.tgname = 'catalog_changed_notify' ORDER BY 1", connection);
        var notifying = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) notifying.Add(reader.GetString(0));
        Assert.Equal(tables, notifying);
        Assert.Equal(tables, Catalog.Model.Migrations.SearchTextsAndChangeNotices.CatalogTables.Order().ToList());
    }
}
