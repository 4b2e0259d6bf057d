using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Catalog.Ingest.Import;
using Catalog.Ingest.Landscape;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Import.Landscape;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

/// <summary>The landscape's facts through GraphQL, on the repository's seed as the service imports it at start-up.</summary>
public sealed class LandscapeQueryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private static readonly List<LandscapeItem> Items = ReadItems();

    private static List<LandscapeItem> ReadItems()
    {
        var errors = new List<SeedError>();
        var text = File.ReadAllText(Path.Combine(Seeds.Repository, LandscapeFixture.LandscapePath));
        var file = LandscapeFileReader.Read(LandscapeFixture.LandscapePath, text, errors);
        Assert.Empty(errors);
        return file.Categories.Where(c => !LandscapeOrganizations.Lists(c.Name)).SelectMany(c => c.Subcategories).SelectMany(s => s.Items).ToList();
    }

    [Fact]
    public async Task Knative_answers_with_its_landscape_category_and_maturity()
    {
        var knative = Items.First(i => i.Name == "Knative");
        var data = await api.DataAsync("""
            { technology(slug: "knative") {
                name maturity categories { name }
                landscape { category subcategory attribution logo acceptedOn incubatingOn graduatedOn description } } }
            """);
        var technology = data["technology"]!;
        Assert.Equal("Knative", (string?)technology["name"]);
        Assert.Equal(knative.Maturity.ToString()!.ToUpperInvariant(), (string?)technology["maturity"]);
        var landscape = technology["landscape"]!;
        Assert.Equal(knative.Path.Category, (string?)landscape["category"]);
        Assert.Equal(knative.Path.Subcategory, (string?)landscape["subcategory"]);
        Assert.Equal(knative.Logo, (string?)landscape["logo"]);
        Assert.Equal(knative.Dates.Accepted?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)landscape["acceptedOn"]);
        Assert.Equal(knative.Dates.Incubating?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)landscape["incubatingOn"]);
        Assert.Contains("CNCF Cloud Native Landscape", (string?)landscape["attribution"], StringComparison.Ordinal);
        Assert.Null(landscape["description"]);
        Assert.Contains(technology["categories"]!.AsArray(), c => (string?)c!["name"] == knative.Path.Subcategory);
    }

    [Theory]
    [InlineData("kubectl", "kubectl")]
    [InlineData("kubelet", "kubelet")]
    [InlineData("static pod", "Static Pod")]
    public async Task Kubernetes_own_vocabulary_resolves_as_part_of_kubernetes_defined_in_both_languages(string asked, string name)
    {
        var data = await api.DataAsync("""
            query($s: String!) { technology(slug: $s) { name definitions { lang short sourceUrl }
                related(kind: PART_OF, direction: OUTGOING) { technology { slug } } } }
            """, new { s = asked });
        var technology = data["technology"]!;
        Assert.Equal(name, (string?)technology["name"]);
        Assert.Contains(technology["related"]!.AsArray(), r => (string?)r!["technology"]!["slug"] == "kubernetes");
        var definitions = technology["definitions"]!.AsArray();
        Assert.Equal(["EN", "JA"], definitions.Select(d => (string)d!["lang"]!).Order(StringComparer.Ordinal));
        Assert.All(definitions, d => Assert.False(string.IsNullOrWhiteSpace((string?)d!["short"])));
        Assert.All(definitions, d => Assert.StartsWith("https://kubernetes.io/", (string?)d!["sourceUrl"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Terraform")]
    [InlineData("Vitess")]
    [InlineData("gVisor")]
    [InlineData("Thanos")]
    [InlineData("GVISOR")]
    public async Task Landscape_technologies_resolve_by_name(string name)
    {
        var data = await api.DataAsync("query($s: String!) { technology(slug: $s) { name landscape { category } } }", new { s = name });
        Assert.Equal(name, (string?)data["technology"]!["name"], StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(data["technology"]!["landscape"]);
    }

    [Fact]
    public async Task Every_landscape_name_resolves_through_technology_slug()
    {
        var names = Items.Select(i => i.Name).Distinct().ToList();
        var unresolved = new List<string>();
        // Fifteen aliases per request: the service's limit.
        foreach (var chunk in names.Chunk(15))
        {
            var query = new StringBuilder("query(");
            query.AppendJoin(", ", chunk.Select((_, i) => $"$n{i}: String!")).Append(") {");
            for (var i = 0; i < chunk.Length; i++) query.Append(CultureInfo.InvariantCulture, $" t{i}: technology(slug: $n{i}) {{ slug }}");
            query.Append(" }");
            var variables = chunk.Select((n, i) => (Key: $"n{i}", Value: n)).ToDictionary(p => p.Key, p => p.Value);
            var data = await api.DataAsync(query.ToString(), variables);
            unresolved.AddRange(chunk.Where((_, i) => data[$"t{i}"] is null));
        }
        Assert.Empty(unresolved);
    }

    [Fact]
    public async Task Technologies_filter_by_maturity()
    {
        var graduated = Items.Where(i => i.Maturity == Catalog.Model.Technologies.Maturity.Graduated).Select(i => i.Name).ToHashSet();
        var data = await api.DataAsync("{ technologies(maturity: GRADUATED, first: 100) { totalCount nodes { name maturity aliases { text } } } }");
        var nodes = data["technologies"]!["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.Equal("GRADUATED", (string?)n!["maturity"]));
        Assert.Equal(nodes.Count, (int)data["technologies"]!["totalCount"]!);
        // Each graduated item is one of the technologies listed, by its name or one of its aliases.
        var listed = nodes.SelectMany(n => n!["aliases"]!.AsArray().Select(a => (string)a!["text"]!).Append((string)n["name"]!)).ToHashSet();
        Assert.All(graduated, name => Assert.Contains(name, listed));
        Assert.InRange(nodes.Count, graduated.Count - 5, graduated.Count);
        var none = await api.DataAsync("{ technologies(maturity: ARCHIVED, first: 100) { nodes { maturity } } }");
        Assert.All(none["technologies"]!["nodes"]!.AsArray(), n => Assert.Equal("ARCHIVED", (string?)n!["maturity"]));
    }

    [Fact]
    public async Task Members_are_organisations_with_their_tier_and_programmes()
    {
        var data = await api.DataAsync("""{ organizations(first: 100) { nodes { slug name membership memberSince cncfPrograms crunchbase } } }""");
        var all = new List<JsonNode>();
        var page = data["organizations"]!["nodes"]!.AsArray();
        all.AddRange(page.Select(n => n!));
        var redHat = await api.DataAsync("""{ organization(slug: "red-hat") { name membership memberSince crunchbase } }""");
        Assert.Equal("Red Hat", (string?)redHat["organization"]!["name"]);
        Assert.False(string.IsNullOrEmpty((string?)redHat["organization"]!["membership"]));
        Assert.StartsWith("https://www.crunchbase.com/organization/", (string?)redHat["organization"]!["crunchbase"], StringComparison.Ordinal);
        Assert.Contains(all, o => o["cncfPrograms"]!.AsArray().Count > 0);
        Assert.DoesNotContain(all, o => ((string)o["name"]!).EndsWith("(member)", StringComparison.Ordinal));
    }
}
