using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

public sealed class ConnectionTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string TechnologiesPage = """
        query($first: Int, $after: String) {
          technologies(first: $first, after: $after) {
            totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { slug name } } nodes { slug } } }
        """;

    [Fact]
    public async Task Walking_every_page_visits_every_technology_once_in_name_order()
    {
        var seen = new List<string>();
        string? after = null;
        JsonNode page;
        var pages = 0;
        do
        {
            page = (await api.DataAsync(TechnologiesPage, new { first = 25, after }))["technologies"]!;
            seen.AddRange(page["nodes"]!.AsArray().Select(n => (string)n!["slug"]!));
            Assert.Equal(after is not null, (bool)page["pageInfo"]!["hasPreviousPage"]!);
            after = (string?)page["pageInfo"]!["endCursor"];
            pages++;
        } while ((bool)page["pageInfo"]!["hasNextPage"]!);

        var total = (int)page["totalCount"]!;
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal((total + 24) / 25, pages);
        var names = (await api.DataAsync("{ technologies(first: 100) { nodes { name } } }"))["technologies"]!["nodes"]!.AsArray().Select(n => ((string)n!["name"]!).ToLowerInvariant()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task The_last_page_says_there_is_no_next_page_and_an_empty_page_has_no_cursors()
    {
        const string networkPage = """
            query($first: Int, $after: String) { technologies(category: "cloud-native-network", first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor } edges { cursor } nodes { slug } } }
            """;
        var all = (await api.DataAsync(networkPage, new { first = 100 }))["technologies"]!;
        var total = (int)all["totalCount"]!;
        Assert.Equal(total, all["edges"]!.AsArray().Count);
        var secondToLast = (string)all["edges"]![total - 2]!["cursor"]!;

        var last = (await api.DataAsync(networkPage, new { first = 5, after = secondToLast }))["technologies"]!;
        Assert.Single(last["nodes"]!.AsArray());
        Assert.False((bool)last["pageInfo"]!["hasNextPage"]!);

        var beyond = (await api.DataAsync(networkPage, new { first = 5, after = (string)last["pageInfo"]!["endCursor"]! }))["technologies"]!;
        Assert.Empty(beyond["nodes"]!.AsArray());
        Assert.Null(beyond["pageInfo"]!["endCursor"]);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task A_page_size_out_of_bounds_is_refused(int first)
    {
        var response = await api.QueryAsync(TechnologiesPage, new { first });
        Assert.Equal("BAD_PAGE_SIZE", (string?)response["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("100", (string?)response["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("MTIz")]
    public async Task A_bad_cursor_is_refused_with_a_clear_error(string cursor)
    {
        var response = await api.QueryAsync(TechnologiesPage, new { first = 5, after = cursor });
        Assert.Equal("BAD_CURSOR", (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Technologies_filter_by_category_including_subcategories_by_organization_event_and_kind()
    {
        var data = await api.DataAsync("""
            { runtime: technologies(category: "runtime", first: 100) { nodes { slug } pageInfo { hasNextPage endCursor } }
              containerRuntime: technologies(category: "container-runtime", first: 100) { nodes { slug } }
              cni: technologies(category: "CNI", first: 100) { nodes { slug } }
              byCncf: technologies(organization: "cncf", first: 100) { nodes { slug } }
              atEvent: technologies(event: "japan-container-days-v18-04", first: 100) { totalCount }
              protocols: technologies(kind: PROTOCOL, first: 100) { nodes { slug kind } }
              popular: technologies(orderBy: MENTIONS, first: 1) { nodes { slug } } }
            """);
        static string[] Slugs(JsonNode node) => node["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToArray();
        Assert.Contains("containerd", Slugs(data["containerRuntime"]!));
        // The top-level category holds more than a page: every page of it, then.
        var runtime = Slugs(data["runtime"]!).ToList();
        var page = data["runtime"]!["pageInfo"]!;
        while ((bool)page["hasNextPage"]!)
        {
            var next = (await api.DataAsync("query($a: String) { technologies(category: \"runtime\", first: 100, after: $a) { nodes { slug } pageInfo { hasNextPage endCursor } } }",
                new { a = (string?)page["endCursor"] }))["technologies"]!;
            runtime.AddRange(Slugs(next));
            page = next["pageInfo"]!;
        }
        Assert.Superset(Slugs(data["containerRuntime"]!).ToHashSet(), runtime.ToHashSet());
        Assert.Contains("calico", runtime);
        Assert.Contains("calico", Slugs(data["cni"]!));
        Assert.Contains("containerd", Slugs(data["byCncf"]!));
        Assert.True((int)data["atEvent"]!["totalCount"]! > 50);
        Assert.Contains("bgp", Slugs(data["protocols"]!));
        Assert.All(data["protocols"]!["nodes"]!.AsArray(), n => Assert.Equal("PROTOCOL", (string?)n!["kind"]));
        Assert.Equal(["kubernetes"], Slugs(data["popular"]!));
    }

    [Fact]
    public async Task An_unknown_category_filter_is_an_error_that_names_it()
    {
        var response = await api.QueryAsync("{ technologies(category: \"no-such-category\") { totalCount } }");
        Assert.Equal("NOT_FOUND", (string?)response["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("no-such-category", (string?)response["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talks_filter_by_technology_alias_organization_speaker_and_keep_the_notes_order()
    {
        var data = await api.DataAsync("""
            { all: talks(first: 100) { nodes { slug } }
              k8s: talks(technology: "k8s", first: 100) { nodes { slug } }
              zlab: talks(organization: "z-lab", first: 100) { nodes { slug } }
              bySpeaker: talks(speaker: "aya-igarashi") { nodes { title } }
              byTitle: talks(orderBy: TITLE, first: 1) { nodes { title } } }
            """);
        var all = data["all"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();
        Assert.Equal("ake-private-container-platform", all[0]);
        Assert.Equal("istio-microservices", all[^1]);
        Assert.Contains("machine-learning-as-microservices", data["k8s"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!));
        Assert.Equal(["yahoo-japan-kubernetes-as-a-service", "istio-microservices"], data["zlab"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!));
        Assert.Equal("Istioと共にマイクロサービスに立ち向かえ!", (string?)data["bySpeaker"]!["nodes"]![0]!["title"]);
        Assert.Equal("Container Networking Deep dive", (string?)data["byTitle"]!["nodes"]![0]!["title"]);
    }
}
