using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

/// <summary>The root fields other than technologies: categories, organisations, people, events, documents.</summary>
public sealed class CatalogQueryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Fact]
    public async Task Categories_form_a_tree_and_resolve_by_slug_or_short_name()
    {
        var data = await api.DataAsync("""
            { categories { slug children { slug parent { slug } } }
              cni: category(slug: "cni") { slug name(lang: JA) }
              mesh: category(slug: "Service Mesh") { slug parent { slug } technologies(first: 50) { nodes { slug } } } }
            """);
        var runtime = data["categories"]!.AsArray().Single(c => (string?)c!["slug"] == "runtime")!;
        Assert.Contains(runtime["children"]!.AsArray(), c => (string?)c!["slug"] == "container-runtime" && (string?)c["parent"]!["slug"] == "runtime");
        Assert.Equal("cloud-native-network", (string?)data["cni"]!["slug"]);
        Assert.Equal("クラウドネイティブネットワーク", (string?)data["cni"]!["name"]);
        Assert.Equal("orchestration-management", (string?)data["mesh"]!["parent"]!["slug"]);
        Assert.Contains(data["mesh"]!["technologies"]!["nodes"]!.AsArray(), n => (string?)n!["slug"] == "istio");
    }

    [Fact]
    public async Task An_organization_has_its_talks_and_the_technologies_it_makes()
    {
        var data = await api.DataAsync("""
            { zlab: organization(slug: "z-lab") { name nameJa parent { slug } talks { slug } }
              cncf: organization(slug: "cncf") { technologies { role technology { slug } } }
              withTalks: organizations(withTalks: true, first: 100) { totalCount } }
            """);
        Assert.Equal("ゼットラボ株式会社", (string?)data["zlab"]!["nameJa"]);
        Assert.Equal("yahoo-japan", (string?)data["zlab"]!["parent"]!["slug"]);
        Assert.Equal(2, data["zlab"]!["talks"]!.AsArray().Count);
        Assert.Contains(data["cncf"]!["technologies"]!.AsArray(), t => (string?)t!["technology"]!["slug"] == "containerd");
        Assert.True((int)data["withTalks"]!["totalCount"]! >= 8);
    }

    [Fact]
    public async Task People_events_and_documents_answer()
    {
        var data = await api.DataAsync("""
            { byHandle: person(slug: "@superbrothers") { name handle talks { title } }
              people(organization: "cyberagent") { nodes { slug } }
              event(slug: "japan-container-days-v18-04") { name edition date city talks { slug } documents { title } }
              events { slug }
              document(slug: "japan-container-days-v18-04-notes") { language sections { kind heading talk { slug } } } }
            """);
        Assert.Equal("Yahoo!JAPANのKubernetes-as-a-service", (string?)data["byHandle"]!["talks"]![0]!["title"]);
        Assert.Equal(["makoto-hasegawa"], data["people"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!));
        Assert.Equal("2018-04-19", (string?)data["event"]!["date"]);
        Assert.Equal(11, data["event"]!["talks"]!.AsArray().Count);
        var sections = data["document"]!["sections"]!.AsArray();
        Assert.Equal("PREAMBLE", (string?)sections[0]!["kind"]);
        Assert.Contains(sections, s => (string?)s!["kind"] == "BOOTH");
        Assert.Equal(11, sections.Count(s => s!["talk"] is not null));
    }
}
