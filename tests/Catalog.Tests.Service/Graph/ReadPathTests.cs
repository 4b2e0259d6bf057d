using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Graph;

/// <summary>Reads come from the in-memory snapshot: no SQL command, however deep or wide the query.</summary>
public sealed class ReadPathTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    public static TheoryData<string> Reads => new()
    {
        """
        { talks(first: 100) { totalCount nodes { title event { name documents { title } } section { heading text document { slug } }
            speakers { name talks { slug } } speakerAffiliations { person { slug } organization { name } }
            organizations { name parent { name } talks { slug } technologies { role technology { slug } } }
            technologies { name categories { name parent { name } children { slug } } }
            mentions { line matchedText lineText technology { slug } section { heading } talk { slug } } } } }
        """,
        """
        { technologies(first: 100, orderBy: MENTIONS) { totalCount pageInfo { endCursor } nodes { name kind aliases { text technology { slug } }
            definition(lang: JA) localizedDefinition(lang: EN) { short isFallback sourceUrl } definitions { lang short }
            organizations { role organization { name } } related { kind direction technology { name } from { slug } to { slug } }
            talks { title speakers { name } } mentions { line } } } }
        """,
        """
        { categories { slug name(lang: JA) aliases technologies(first: 100) { totalCount nodes { slug } pageInfo { hasNextPage endCursor } }
            children { slug parent { slug } technologies(first: 100, includeSubcategories: false) { nodes { slug } } } } }
        """,
        """
        { technology(slug: "concurse ci") { name talks { title } } category(slug: "CNI") { slug } person(slug: "@superbrothers") { name talks { title } }
          events { name talks { title } } documents { title sections { heading } } organizations(first: 100, withTalks: true) { nodes { slug } }
          people(first: 100) { nodes { name } } technologies(category: "runtime", kind: PROJECT, first: 5) { nodes { slug } }
          path(from: "calico", to: "envoy") { length steps { from { name } to { name } via } } glossary(lang: JA) { slug terms } }
        """,
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_sends_no_sql_command(string query)
    {
        await api.DataAsync(query);
        var commands = await api.CountCommandsAsync(() => api.DataAsync(query));
        output.WriteLine($"SQL commands: {commands}");
        Assert.Equal(0, commands);
    }

    [Fact]
    public async Task Node_look_ups_send_no_sql_command()
    {
        var ids = (await api.DataAsync("""{ technology(slug: "istio") { id aliases { id } related { id } talks { id section { id document { id } } event { id } mentions { id } } categories { id } } }"""))
            .ToJsonString();
        var all = System.Text.RegularExpressions.Regex.Matches(ids, "\"id\":\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Take(100).ToList();
        Assert.True(all.Count > 5);
        JsonNode? nodes = null;
        var commands = await api.CountCommandsAsync(async () => nodes = await api.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = all }));
        Assert.Equal(0, commands);
        Assert.Equal(all, nodes!["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
    }

    [Fact]
    public async Task Category_technologies_first_pages_match_the_paged_list()
    {
        const string query = """
            { categories { slug technologies(first: 100) { nodes { slug name kind homepage repository } pageInfo { hasNextPage endCursor } } } }
            """;
        var top = (await api.DataAsync(query))["categories"]!.AsArray();
        Assert.Contains(top, c => c!["technologies"]!["nodes"]!.AsArray().Count > 0);
        foreach (var category in top)
        {
            var slug = (string)category!["slug"]!;
            var listed = (await api.DataAsync("query($c: String!) { technologies(category: $c, first: 100) { nodes { slug name kind homepage repository } pageInfo { hasNextPage endCursor } } }", new { c = slug }))["technologies"]!;
            Assert.Equal(listed["nodes"]!.ToJsonString(), category["technologies"]!["nodes"]!.ToJsonString());
            Assert.Equal((string?)listed["pageInfo"]!["endCursor"], (string?)category["technologies"]!["pageInfo"]!["endCursor"]);
        }
    }

    [Fact]
    public async Task A_first_page_smaller_than_the_category_says_there_is_more_and_its_cursor_continues_it()
    {
        var first = (await api.DataAsync("""{ category(slug: "runtime") { technologies(first: 2) { nodes { slug } pageInfo { hasNextPage endCursor } } } }"""))["category"]!["technologies"]!;
        Assert.Equal(2, first["nodes"]!.AsArray().Count);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var next = (await api.DataAsync("query($a: String!) { category(slug: \"runtime\") { technologies(first: 100, after: $a) { nodes { slug } } } }", new { a = (string)first["pageInfo"]!["endCursor"]! }))["category"]!["technologies"]!;
        var all = (await api.DataAsync("""{ technologies(category: "runtime", first: 100) { nodes { slug } } }"""))["technologies"]!;
        Assert.Equal(Slugs(all), Slugs(first).Concat(Slugs(next)).Take(100));
    }

    private static List<string> Slugs(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();
}
