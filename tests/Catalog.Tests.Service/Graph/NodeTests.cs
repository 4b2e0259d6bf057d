using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

public sealed class NodeTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task Every_kind_of_object_comes_back_by_its_global_id()
    {
        var ids = await api.DataAsync("""
            { technology(slug: "istio") { id aliases { id } related { id } mentions { id section { id document { id } } } }
              talk(slug: "istio-microservices") { id event { id } speakers { id } organizations { id } }
              category(slug: "service-mesh") { id } }
            """);
        var wanted = new List<string>
        {
            (string)ids["technology"]!["id"]!, (string)ids["technology"]!["related"]![0]!["id"]!,
            (string)ids["technology"]!["mentions"]![0]!["id"]!, (string)ids["technology"]!["mentions"]![0]!["section"]!["id"]!,
            (string)ids["technology"]!["mentions"]![0]!["section"]!["document"]!["id"]!,
            (string)ids["talk"]!["id"]!, (string)ids["talk"]!["event"]!["id"]!, (string)ids["talk"]!["speakers"]![0]!["id"]!,
            (string)ids["talk"]!["organizations"]![0]!["id"]!, (string)ids["category"]!["id"]!,
        };

        var nodes = (await api.DataAsync("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", new { ids = wanted }))["nodes"]!.AsArray();

        Assert.Equal(wanted, nodes.Select(n => (string)n!["id"]!));
        Assert.Equal(
            ["Technology", "TechnologyRelation", "Mention", "Section", "SourceDocument", "Talk", "Event", "Person", "Organization", "Category"],
            nodes.Select(n => (string)n!["__typename"]!));
    }

    [Fact]
    public async Task Node_resolves_one_id_with_its_fields_and_gives_null_for_unknown_or_malformed_ids()
    {
        var id = (string)(await api.DataAsync("{ technology(slug: \"envoy\") { id } }"))["technology"]!["id"]!;
        var data = await api.DataAsync("""
            query($id: ID!) { node(id: $id) { ... on Technology { name } }
              unknown: node(id: "VGVjaG5vbG9neTo5OTk5OTk") { id }
              malformed: node(id: "%%%") { id }
              wrongType: node(id: "Tm9wZToxMg") { id } }
            """, new { id });
        Assert.Equal("Envoy", (string?)data["node"]!["name"]);
        Assert.Null(data["unknown"]);
        Assert.Null(data["malformed"]);
        Assert.Null(data["wrongType"]);
    }

    [Fact]
    public async Task Ids_are_opaque_and_stable_across_requests()
    {
        var first = (string)(await api.DataAsync("{ technology(slug: \"k8s\") { id } }"))["technology"]!["id"]!;
        var second = (string)(await api.DataAsync("{ technology(slug: \"kubernetes\") { id } }"))["technology"]!["id"]!;
        Assert.Equal(first, second);
        Assert.DoesNotContain("Technology", first, StringComparison.Ordinal);
    }
}
