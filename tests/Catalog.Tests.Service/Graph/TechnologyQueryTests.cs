using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

public sealed class TechnologyQueryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    [Theory]
    [InlineData("k8s", "kubernetes")]
    [InlineData("KUBERNETES", "kubernetes")]
    [InlineData("Kubernets", "kubernetes")]
    [InlineData("concurse ci", "concourse-ci")]
    [InlineData("ロケット", "rkt")]
    [InlineData("ブイイーサ", "veth")]
    [InlineData("  Nvdia-Docker ", "nvidia-docker")]
    public async Task A_technology_resolves_by_slug_name_or_any_alias_ignoring_case(string text, string slug)
    {
        var data = await api.DataAsync("query($s: String!) { technology(slug: $s) { slug } }", new { s = text });
        Assert.Equal(slug, (string?)data["technology"]!["slug"]);
    }

    [Fact]
    public async Task An_unknown_technology_is_null_not_an_error()
    {
        var data = await api.DataAsync("{ technology(slug: \"no-such-thing\") { slug } }");
        Assert.Null(data["technology"]);
    }

    [Fact]
    public async Task Job_one_the_talks_that_covered_a_technology_with_speakers_companies_and_lines()
    {
        var data = await api.DataAsync("""
            { technology(slug: "calico") {
                talks { title speakers { name } organizations { slug } }
                mentions { line lineText matchedText talk { slug } } } }
            """);
        var talk = Assert.Single(data["technology"]!["talks"]!.AsArray());
        Assert.Equal("Container Networking Deep dive", (string?)talk!["title"]);
        Assert.Equal("市原 裕史", (string?)talk["speakers"]![0]!["name"]);
        Assert.Equal("ntt", (string?)talk["organizations"]![0]!["slug"]);
        var mentions = data["technology"]!["mentions"]!.AsArray();
        Assert.Contains(mentions, m => (int)m!["line"]! == 112 && (string?)m["lineText"] == "- k8s by kubeadm、docker、flannel、calico");
        Assert.Contains(mentions, m => (int)m!["line"]! == 124 && (string?)m["matchedText"] == "calico");
        Assert.All(mentions, m => Assert.Equal("container-networking-deep-dive", (string?)m!["talk"]!["slug"]));
    }

    [Fact]
    public async Task A_definition_falls_back_to_the_other_language_and_says_so()
    {
        var data = await api.DataAsync("""
            { technology(slug: "istio") {
                en: definition(lang: EN) ja: definition(lang: JA)
                localizedDefinition(lang: JA) { lang isFallback short }
                definitions { lang } } }
            """);
        var technology = data["technology"]!;
        Assert.Contains("service mesh", (string?)technology["en"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("サービスメッシュ", (string?)technology["ja"], StringComparison.Ordinal);
        Assert.Equal("JA", (string?)technology["localizedDefinition"]!["lang"]);
        Assert.False((bool)technology["localizedDefinition"]!["isFallback"]!);
    }

    [Fact]
    public async Task Relations_are_seen_from_both_ends()
    {
        var data = await api.DataAsync("""
            { istio: technology(slug: "istio") { related(kind: USES) { direction technology { slug } } }
              envoy: technology(slug: "envoy") { related(direction: INCOMING) { kind technology { slug } } } }
            """);
        Assert.Contains(data["istio"]!["related"]!.AsArray(), r => (string?)r!["technology"]!["slug"] == "envoy" && (string?)r["direction"] == "OUTGOING");
        Assert.Contains(data["envoy"]!["related"]!.AsArray(), r => (string?)r!["technology"]!["slug"] == "istio" && (string?)r["kind"] == "USES");
    }
}
