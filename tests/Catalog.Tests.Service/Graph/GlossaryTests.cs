using System.Text.Json.Nodes;
using Catalog.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Tests.Graph;

public sealed class GlossaryTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Glossary = """
        query($lang: Lang) {
          glossary(lang: $lang) { slug name terms caseSensitiveTerms contextTerms definition definitionLang categories talks url }
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
        Assert.Empty(Strings(heat["caseSensitiveTerms"]!));
        Assert.Equal(["Heat"], Strings(heat["contextTerms"]!)); // an English word: it links only where the text is about OpenStack

        // rkt's reading and former name are everyday words (a rocket): they link only where the text is about rkt.
        var rkt = Entry(glossary, "rkt");
        Assert.DoesNotContain("ロケット", Strings(rkt["terms"]!));
        Assert.DoesNotContain("Rocket", Strings(rkt["caseSensitiveTerms"]!));
        Assert.Contains("ロケット", Strings(rkt["contextTerms"]!));
        Assert.Contains("Helm", Strings(Entry(glossary, "helm")["contextTerms"]!));
        Assert.DoesNotContain("Helm", Strings(Entry(glossary, "helm")["terms"]!));
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
        // Every technology, those no one has defined yet included.
        await using var db = TestPostgres.Context(api.ConnectionString);
        Assert.Equal(await db.Technologies.CountAsync(), glossary.Count);
    }

    [Fact]
    public async Task The_glossary_is_served_from_memory()
    {
        var commands = await api.CountCommandsAsync(() => GlossaryAsync("JA"));
        Assert.Equal(0, commands);
    }

    [Fact]
    public async Task Pages_with_first_and_after_walk_the_whole_list_in_order()
    {
        // Entry by entry, every field: a page makes its own entries, the whole list is the snapshot's.
        var whole = (await GlossaryAsync("JA")).Select(e => e!.ToJsonString()).ToList();
        var walked = new List<string>();
        string? after = null;
        for (var pages = 0; pages < 200; pages++)
        {
            var page = (await api.DataAsync(
                "query($after: String) { glossary(lang: JA, first: 40, after: $after) { slug name terms caseSensitiveTerms contextTerms definition definitionLang categories talks url } }",
                new { after }))["glossary"]!.AsArray();
            walked.AddRange(page.Select(e => e!.ToJsonString()));
            if (page.Count < 40) break;
            after = (string)page[^1]!["slug"]!;
        }
        Assert.Equal(whole, walked);
        var slugs = whole.Select(e => (string)JsonNode.Parse(e)!["slug"]!).ToList();
        Assert.Equal(slugs.Skip(1).Take(2), (await api.DataAsync($$"""{ glossary(first: 2, after: "{{slugs[0]}}") { slug } }"""))["glossary"]!.AsArray().Select(e => (string)e!["slug"]!));
    }

    [Theory]
    [InlineData("""{ glossary(first: 101) { slug } }""", "BAD_PAGE_SIZE")]
    [InlineData("""{ glossary(first: -1) { slug } }""", "BAD_PAGE_SIZE")]
    [InlineData("""{ glossary(after: "no-such-technology") { slug } }""", "BAD_CURSOR")]
    public async Task A_bad_page_size_or_cursor_is_refused_with_a_code(string query, string code)
    {
        var response = await api.QueryAsync(query);
        Assert.Equal(code, (string?)response["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Every_technology_has_a_definition_in_both_languages_written_or_composed_from_facts()
    {
        const string query = "query($lang: Lang) { glossary(lang: $lang) { slug name terms caseSensitiveTerms definition definitionLang definitionSource } }";
        foreach (var lang in new[] { "EN", "JA" })
        {
            var glossary = (await api.DataAsync(query, new { lang }))["glossary"]!.AsArray();
            var missing = glossary.Where(e => (string?)e!["definitionLang"] != lang).Select(e => (string?)e!["slug"]).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} technologies have no {lang} definition: {string.Join(", ", missing.Take(20))}");
            var facts = glossary.Where(e => (string?)e!["definitionSource"] == "FACTS").ToList();
            var curated = glossary.Count(e => (string?)e!["definitionSource"] == "CURATED");
            Assert.Equal(glossary.Count, facts.Count + curated);
            Assert.NotEmpty(facts);
            // A composed definition names the technology and where the catalog places it, and nothing more.
            Assert.All(facts, e => Assert.StartsWith((string)e!["name"]! + (lang == "EN" ? " is " : "は、"), (string?)e["definition"], StringComparison.Ordinal));
        }
    }
}
