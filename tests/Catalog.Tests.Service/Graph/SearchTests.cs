using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

public sealed class SearchTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Search = """
        query($q: String!, $lang: Lang, $first: Int) {
          search(query: $q, lang: $lang, first: $first) {
            score matched
            item { __typename ... on Technology { slug } ... on Talk { slug } ... on Organization { slug } ... on Category { slug } }
          }
        }
        """;

    private async Task<JsonArray> SearchAsync(string query, string? lang = null, int? first = null) =>
        (await api.DataAsync(Search, new { q = query, lang, first }))["search"]!.AsArray();

    private static (string? Type, string? Slug) Item(JsonNode? result) =>
        ((string?)result!["item"]!["__typename"], (string?)result["item"]!["slug"]);

    [Theory]
    [InlineData("kubernets", "Technology", "kubernetes")]      // the notes' spelling, an exact alias
    [InlineData("KUBERNETES", "Technology", "kubernetes")]     // case
    [InlineData("kuberntes", "Technology", "kubernetes")]      // a typo no alias has
    [InlineData("ｋ８ｓ", "Technology", "kubernetes")]           // full-width, folded by NFKC
    [InlineData("conduit", "Technology", "conduit")]
    [InlineData("CNI", "Technology", "cni")]
    [InlineData("ロケット", "Technology", "rkt")]                 // a Japanese reading
    [InlineData("サービスメッシュ", "Technology", "service-mesh")]
    [InlineData("Z Lab", "Organization", "z-lab")]
    [InlineData("ゼットラボ", "Organization", "z-lab")]
    [InlineData("networking deep", "Talk", "container-networking-deep-dive")]
    [InlineData("コンテナランタイム", "Category", "container-runtime")]
    public async Task The_obvious_hit_ranks_first(string query, string type, string slug)
    {
        var results = await SearchAsync(query);
        Assert.NotEmpty(results);
        Assert.Equal((type, slug), Item(results[0]));
    }

    [Fact]
    public async Task Results_are_ranked_exact_then_prefix_then_substring_then_typo_then_definition()
    {
        // "kubernets": exact alias of kubernetes; a prefix of kubernetes-as-a-service's notes spelling;
        // a substring of a talk title; typo matches of other Kubernetes names.
        var results = await SearchAsync("kubernets", first: 50);
        var scores = results.Select(r => (double)r!["score"]!).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(("Technology", "kubernetes"), Item(results[0]));
        Assert.Equal("Kubernets", (string?)results[0]!["matched"]);
        Assert.True(scores[0] >= 100, $"An exact alias scores 100 or more; it scored {scores[0]}.");
        var prefix = results.Single(r => Item(r) == ("Technology", "kubernetes-as-a-service"));
        Assert.InRange((double)prefix!["score"]!, 80, 99.99);
        var substring = results.Single(r => Item(r) == ("Talk", "yahoo-zubatoku-on-kubernetes"));
        Assert.InRange((double)substring!["score"]!, 60, 79.99);
    }

    [Fact]
    public async Task Definitions_in_both_languages_are_searched_below_names()
    {
        var results = await SearchAsync("サービスメッシュ");
        var istio = results.Single(r => Item(r) == ("Technology", "istio"));
        Assert.Contains("サービスメッシュ", (string?)istio!["matched"], StringComparison.Ordinal);
        Assert.InRange((double)istio["score"]!, 20, 39.99);
        Assert.Contains(results, r => Item(r) == ("Category", "service-mesh"));

        // (A landscape name close to the words, "APISIX", may come as a typo match beside it.)
        var english = await SearchAsync("xDS APIs");
        var envoy = english.Single(r => Item(r) == ("Technology", "envoy"));
        Assert.StartsWith("High-performance L4/L7 proxy", (string?)envoy!["matched"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_ranks_texts_in_that_language_first()
    {
        // The category is found by its English name and the technology by a Japanese reading, both exactly.
        var ja = await SearchAsync("service mesh", lang: "JA");
        var en = await SearchAsync("service mesh", lang: "EN");
        double Score(JsonArray results) => (double)results.Single(r => Item(r) == ("Category", "service-mesh"))!["score"]!;
        Assert.True(Score(en) > Score(ja), $"The English name should rank higher for EN ({Score(en)}) than for JA ({Score(ja)}).");
    }

    [Fact]
    public async Task First_limits_the_results_and_each_item_appears_once()
    {
        var results = await SearchAsync("kube", first: 3);
        Assert.Equal(3, results.Count);
        var all = await SearchAsync("kube", first: 50);
        Assert.Equal(all.Count, all.Select(Item).Distinct().Count());
    }

    [Fact]
    public async Task Like_wildcards_in_the_query_are_literal()
    {
        // A wildcard character finds only the technologies whose texts hold it as written (an SLO's "99.9%", a Linux
        // capability's CAP_SYS_ADMIN), never everything.
        foreach (var wildcard in new[] { '%', '_' })
        {
            var hits = await SearchAsync(wildcard.ToString());
            Assert.InRange(hits.Count, 0, 10);
            foreach (var (_, slug) in hits.Select(Item))
            {
                var technology = (await api.DataAsync("query($s: String!) { technology(slug: $s) { name aliases { text } definitions { short } } }", new { s = slug }))["technology"]!;
                var texts = technology["aliases"]!.AsArray().Select(a => (string)a!["text"]!)
                    .Concat(technology["definitions"]!.AsArray().Select(d => (string)d!["short"]!)).Append((string)technology["name"]!);
                Assert.Contains(texts, t => t.Contains(wildcard, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("kube")]        // names
    [InlineData("kuberntes")]   // typos
    [InlineData("サービスメッシュ")] // definitions
    public async Task A_search_runs_in_memory(string query)
    {
        JsonArray results = [];
        var commands = await api.CountCommandsAsync(async () => results = await SearchAsync(query, first: 50));
        Assert.NotEmpty(results);
        Assert.Equal(0, commands);
    }

    [Theory]
    [InlineData("", "BAD_QUERY")]
    [InlineData("   ", "BAD_QUERY")]
    public async Task An_empty_query_is_an_error(string query, string code)
    {
        var response = await api.QueryAsync(Search, new { q = query });
        Assert.Equal(code, (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task A_page_size_out_of_bounds_is_an_error(int first)
    {
        var response = await api.QueryAsync(Search, new { q = "calico", first });
        Assert.Equal("BAD_PAGE_SIZE", (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("container")]   // many name hits: a short page reads no definitions and skips typo matching
    [InlineData("net")]
    [InlineData("kube")]
    public async Task A_short_page_is_the_top_of_a_long_one(string query)
    {
        var shortPage = await SearchAsync(query, first: 5);
        var longPage = await SearchAsync(query, first: 50);
        Assert.Equal(5, shortPage.Count);
        Assert.True(longPage.Count > 5);
        Assert.Equal(longPage.Take(5).Select(r => r!.ToJsonString()), shortPage.Select(r => r!.ToJsonString()));
    }

    private const string ItemFields = """
        fragment F on SearchItem {
          __typename
          ... on Technology { id slug name technologyKind: kind homepage repository talks { slug } categories { slug } }
          ... on Talk { id slug title event { slug } speakers { slug } }
          ... on Organization { id slug name organizationNameJa: nameJa organizationKind: kind homepage aliases parent { slug } }
          ... on Category { id slug nameEn nameJa aliases parent { slug } children { slug } }
        }
        """;

    [Fact]
    public async Task Items_found_are_the_same_as_when_asked_for_by_id()
    {
        var found = new List<JsonNode>();
        foreach (var term in new[] { "container", "z lab", "networking", "runtime", "kubernets" })
            found.AddRange((await api.DataAsync("query($q: String!) { search(query: $q, first: 50) { item { ...F } } } " + ItemFields, new { q = term }))["search"]!.AsArray().Select(r => r!["item"]!));
        Assert.Equal(["Category", "Organization", "Talk", "Technology"], found.Select(i => (string)i["__typename"]!).Distinct().Order());

        var byId = new Dictionary<string, string>();
        foreach (var ids in found.Select(i => (string)i["id"]!).Distinct().Chunk(100))
        {
            foreach (var node in (await api.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { ...F } } " + ItemFields.Replace("on SearchItem", "on Node", StringComparison.Ordinal), new { ids }))["nodes"]!.AsArray())
                byId[(string)node!["id"]!] = node.ToJsonString();
        }
        foreach (var item in found) Assert.Equal(byId[(string)item["id"]!], item.ToJsonString());
    }

    [Fact]
    public async Task A_full_page_of_names_is_the_top_of_a_longer_one()
    {
        var page = await SearchAsync("container", first: 20);
        var longer = await SearchAsync("container", first: 50);
        Assert.Equal(20, page.Count);
        Assert.Equal(longer.Take(20).Select(r => r!.ToJsonString()), page.Select(r => r!.ToJsonString()));
    }
}
