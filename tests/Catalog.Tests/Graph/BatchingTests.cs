using System.Text.Json.Nodes;
using Catalog.Api.Data;
using Catalog.Api.Organizations;
using Catalog.Api.People;
using Catalog.Api.Talks;
using Catalog.Api.Technologies;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Catalog.Tests.Graph;

/// <summary>No N+1: nested lists cost one SQL command per level, whatever the number of rows.</summary>
public sealed class BatchingTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    private const string AllTalksDeep = """
        query($first: Int) {
          talks(first: $first) {
            nodes {
              title
              event { name }
              speakers { name talks { slug } }
              organizations { name parent { name } }
              technologies { name categories { name parent { name } } }
              mentions { line matchedText technology { slug } section { heading } talk { slug } }
            }
          }
        }
        """;

    [Fact]
    public async Task All_talks_with_speakers_organizations_technologies_and_mentions_take_a_fixed_number_of_commands()
    {
        // Warm up: the first request also loads EF Core's model and compiles queries.
        await api.DataAsync(AllTalksDeep, new { first = 1 });

        var one = await api.CountCommandsAsync(() => api.DataAsync(AllTalksDeep, new { first = 1 }));
        var three = await api.CountCommandsAsync(() => api.DataAsync(AllTalksDeep, new { first = 3 }));
        var all = await api.CountCommandsAsync(async () =>
        {
            var data = await api.DataAsync(AllTalksDeep, new { first = 100 });
            Assert.Equal(11, data["talks"]!["nodes"]!.AsArray().Count);
        });

        output.WriteLine($"SQL commands: 1 talk {one}, 3 talks {three}, all talks {all}");
        Assert.Equal(one, three);
        Assert.Equal(one, all);
        // One per level of the tree: the page, then each nested list or reference, batched.
        Assert.InRange(all, 1, 16);
    }

    [Fact]
    public async Task Technologies_with_their_talks_and_relations_are_batched_too()
    {
        const string query = """
            query($first: Int) { technologies(first: $first, orderBy: MENTIONS) { nodes {
              name aliases { text } definition(lang: JA) organizations { organization { name } }
              related { technology { name } } talks { title speakers { name } } } } }
            """;
        await api.DataAsync(query, new { first = 2 });
        var few = await api.CountCommandsAsync(() => api.DataAsync(query, new { first = 2 }));
        var many = await api.CountCommandsAsync(() => api.DataAsync(query, new { first = 100 }));
        Assert.Equal(few, many);
    }

    [Fact]
    public async Task Category_technologies_first_pages_cost_one_command_per_level_and_match_the_paged_list()
    {
        const string query = """
            { categories { slug technologies(first: 100) { nodes { slug name kind homepage repository } pageInfo { hasNextPage endCursor } }
              children { slug technologies(first: 100, includeSubcategories: false) { nodes { slug } } } } }
            """;
        var data = await api.DataAsync(query);
        var top = data["categories"]!.AsArray();
        var categories = top.Count + top.Sum(c => c!["children"]!.AsArray().Count);
        // A top-level category lists its subcategories' technologies too.
        Assert.Contains(top, c => c!["technologies"]!["nodes"]!.AsArray().Count > 0 && c["children"]!.AsArray().Count > 0);

        var commands = await api.CountCommandsAsync(() => api.DataAsync(query));
        output.WriteLine($"SQL commands: {commands} for {categories} categories");
        // The roots, their first pages, the children, their first pages: however many categories there are.
        Assert.Equal(4, commands);

        // Each batched first page is exactly the first page of the root list filtered by that category.
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
        var first = (await api.DataAsync("""{ category(slug: "cloud-native-network") { technologies(first: 2) { nodes { slug } pageInfo { hasNextPage endCursor } } } }"""))["category"]!["technologies"]!;
        Assert.Equal(2, first["nodes"]!.AsArray().Count);
        Assert.True((bool)first["pageInfo"]!["hasNextPage"]!);
        var next = (await api.DataAsync("query($a: String!) { category(slug: \"cloud-native-network\") { technologies(first: 100, after: $a) { nodes { slug } } } }", new { a = (string)first["pageInfo"]!["endCursor"]! }))["category"]!["technologies"]!;
        var all = (await api.DataAsync("""{ technologies(category: "cloud-native-network", first: 100) { nodes { slug } } }"""))["technologies"]!;
        Assert.Equal(Slugs(all), [.. Slugs(first), .. Slugs(next)]);
    }

    [Theory]
    [InlineData(typeof(Technology), nameof(EntityRows.TechnologyColumns))]
    [InlineData(typeof(Talk), nameof(EntityRows.TalkColumns))]
    [InlineData(typeof(TalkSpeaker), nameof(EntityRows.TalkSpeakerColumns))]
    [InlineData(typeof(Person), nameof(EntityRows.PersonColumns))]
    [InlineData(typeof(Organization), nameof(EntityRows.OrganizationColumns))]
    public async Task Entities_read_by_hand_read_every_column(Type entity, string list)
    {
        // The hot paths' own SQL reads these entities column by column: a new column must be read there too.
        await using var db = await api.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        var columns = db.Model.FindEntityType(entity)!.GetFlattenedProperties().Select(p => p.GetColumnName()).Order();
        var read = (string[])typeof(EntityRows).GetField(list)!.GetValue(null)!;
        Assert.Equal(columns, read.Order());
    }

    private static List<string> Slugs(JsonNode connection) => connection["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToList();
}
