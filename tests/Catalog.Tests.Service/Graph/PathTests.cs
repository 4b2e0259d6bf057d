using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

public sealed class PathTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Path = """
        query($from: String!, $to: String!, $maxHops: Int) {
          path(from: $from, to: $to, maxHops: $maxHops) {
            length
            steps { via from { type slug name } to { type slug name node { id } } }
          }
        }
        """;

    private async Task<JsonNode?> PathAsync(string from, string to, int? maxHops = null) =>
        (await api.DataAsync(Path, new { from, to, maxHops }))["path"];

    [Fact]
    public async Task Calico_reaches_envoy_in_consecutive_steps()
    {
        var path = await PathAsync("calico", "envoy");
        Assert.NotNull(path);
        var steps = path["steps"]!.AsArray();
        Assert.Equal(steps.Count, (int)path["length"]!);
        Assert.InRange(steps.Count, 1, 4);
        Assert.Equal(("Technology", "calico"), ((string?)steps[0]!["from"]!["type"], (string?)steps[0]!["from"]!["slug"]));
        Assert.Equal(("Technology", "envoy"), ((string?)steps[^1]!["to"]!["type"], (string?)steps[^1]!["to"]!["slug"]));
        for (var i = 1; i < steps.Count; i++)
        {
            Assert.Equal((string?)steps[i - 1]!["to"]!["slug"], (string?)steps[i]!["from"]!["slug"]);
            Assert.Equal((string?)steps[i - 1]!["to"]!["type"], (string?)steps[i]!["from"]!["type"]);
        }
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty((string?)s!["via"])));
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty((string?)s!["to"]!["node"]!["id"])));
    }

    [Fact]
    public async Task A_relation_is_one_step_named_in_the_direction_walked()
    {
        var forward = await PathAsync("istio", "envoy");
        Assert.Equal(1, (int)forward!["length"]!);
        Assert.Equal("uses", (string?)forward["steps"]![0]!["via"]);

        var backward = await PathAsync("Envoy", "ISTIO");
        Assert.Equal(1, (int)backward!["length"]!);
        Assert.Equal("used by", (string?)backward["steps"]![0]!["via"]);
        Assert.Equal("Istio", (string?)backward["steps"]![0]!["to"]!["name"]);
    }

    [Fact]
    public async Task Ends_resolve_by_alias_and_shared_talks_connect_technologies()
    {
        // Kubernetes and rkt share no relation within one step but share a talk: technology, talk, technology.
        var path = await PathAsync("k8s", "ロケット");
        var steps = path!["steps"]!.AsArray();
        Assert.Equal(2, (int)path["length"]!);
        Assert.Equal("kubernetes", (string?)steps[0]!["from"]!["slug"]);
        Assert.Equal("mentioned in talk", (string?)steps[0]!["via"]);
        Assert.Equal("Talk", (string?)steps[0]!["to"]!["type"]);
        Assert.Equal("talk mentions", (string?)steps[1]!["via"]);
        Assert.Equal("rkt", (string?)steps[1]!["to"]!["slug"]);
    }

    [Fact]
    public async Task A_path_longer_than_max_hops_is_null()
    {
        var full = await PathAsync("calico", "envoy");
        var length = (int)full!["length"]!;
        Assert.True(length > 1);
        Assert.Null(await PathAsync("calico", "envoy", maxHops: length - 1));
        Assert.NotNull(await PathAsync("calico", "envoy", maxHops: length));
    }

    [Fact]
    public async Task A_technology_to_itself_is_an_empty_path()
    {
        var path = await PathAsync("calico", "キャリコ");
        Assert.Equal(0, (int)path!["length"]!);
        Assert.Empty(path["steps"]!.AsArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public async Task Max_hops_out_of_bounds_is_an_error(int maxHops)
    {
        var response = await api.QueryAsync(Path, new { from = "calico", to = "envoy", maxHops });
        Assert.Equal("BAD_MAX_HOPS", (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task An_unknown_technology_is_an_error_that_names_it()
    {
        var response = await api.QueryAsync(Path, new { from = "calico", to = "no-such-thing" });
        var error = response["errors"]![0]!;
        Assert.Equal("NOT_FOUND", (string?)error["extensions"]!["code"]);
        Assert.Contains("no-such-thing", (string?)error["message"], StringComparison.Ordinal);
        Assert.Null(response["data"]!["path"]);
    }

    [Fact]
    public async Task A_path_is_found_in_memory_without_sql()
    {
        var commands = await api.CountCommandsAsync(() => PathAsync("calico", "envoy"));
        Assert.Equal(0, commands);
    }
}
