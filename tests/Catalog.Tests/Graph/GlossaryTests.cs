using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Tests.Graph;

public sealed class GlossaryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Glossary = """
        query($lang: Lang) {
          glossary(lang: $lang) { slug name terms caseSensitiveTerms definition definitionLang categories talks url }
        }
        """;

    private async Task<JsonArray> GlossaryAsync(string? lang = null) =>
        (await api.DataAsync(Glossary, lang is null ? null : new { lang }))["glossary"]!.AsArray();

    private static JsonNode Entry(JsonArray glossary, string slug) => glossary.Single(e => (string?)e!["slug"] == slug)!;

    private static List<string> Strings(JsonNode node) => node.AsArray().Select(x => (string)x!).ToList();

    [Fact]
    public async Task Kubernetes_in_english_by_default_and_in_japanese()
    {
        var en = Entry(await GlossaryAsync(), "kubernetes");
        Assert.Equal("Kubernetes", (string?)en["name"]);
        Assert.Equal("EN", (string?)en["definitionLang"]);
        Assert.StartsWith("Open-source system that deploys", (string?)en["definition"], StringComparison.Ordinal);
        Assert.Equal(["Scheduling & Orchestration"], Strings(en["categories"]!));
        Assert.Equal("https://kubernetes.io/", (string?)en["url"]);

        var ja = Entry(await GlossaryAsync("JA"), "kubernetes");
        Assert.Equal("JA", (string?)ja["definitionLang"]);
        Assert.StartsWith("コンテナ化したアプリケーション", (string?)ja["definition"], StringComparison.Ordinal);
        Assert.Equal(["スケジューリングとオーケストレーション"], Strings(ja["categories"]!));
    }

    [Fact]
    public async Task Terms_are_the_name_and_every_alias_that_links_in_text()
    {
        var glossary = await GlossaryAsync();
        var terms = Strings(Entry(glossary, "kubernetes")["terms"]!);
        Assert.Equal("Kubernetes", terms[0]);
        Assert.Contains("k8s", terms, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Kubernets", terms);
        Assert.Contains("クバネティス", terms);
        Assert.DoesNotContain("kubernetes", terms, StringComparer.Ordinal); // the slug is for look-up only
        Assert.Empty(Strings(Entry(glossary, "kubernetes")["caseSensitiveTerms"]!));

        var heat = Entry(glossary, "openstack-heat");
        Assert.Equal(["OpenStack Heat"], Strings(heat["terms"]!));
        Assert.Equal(["Heat"], Strings(heat["caseSensitiveTerms"]!));

        // rkt's reading and former name are look-up only (match: false in the seed): never linked.
        var rkt = Entry(glossary, "rkt");
        Assert.DoesNotContain("ロケット", Strings(rkt["terms"]!));
        Assert.DoesNotContain("Rocket", Strings(rkt["caseSensitiveTerms"]!));
    }

    [Fact]
    public async Task Categories_primary_first_talks_and_url()
    {
        var calico = Entry(await GlossaryAsync(), "calico");
        Assert.Equal(["Cloud Native Network", "Security & Compliance"], Strings(calico["categories"]!));
        Assert.Equal(["Container Networking Deep dive"], Strings(calico["talks"]!));
        Assert.Equal("https://www.tigera.io/project-calico/", (string?)calico["url"]);
    }

    [Fact]
    public async Task Every_technology_once_ordered_by_name()
    {
        var glossary = await GlossaryAsync();
        var names = glossary.Select(e => ((string)e!["name"]!).ToLowerInvariant()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(glossary.Count, glossary.Select(e => (string?)e!["slug"]).Distinct().Count());
        // Every technology with a definition: the landscape's technologies have none until curated, and are left out.
        await using var db = TestPostgres.Context(api.ConnectionString);
        Assert.Equal(await db.Technologies.CountAsync(t => db.TechnologyDefinitions.Any(d => d.TechnologyId == t.Id)), glossary.Count);
    }

    [Fact]
    public async Task The_glossary_is_served_from_memory()
    {
        var commands = await api.CountCommandsAsync(() => GlossaryAsync("JA"));
        Assert.Equal(0, commands);
    }
}
