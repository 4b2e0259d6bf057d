using System.Text.Json.Nodes;
using Catalog.Api;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Graph;

/// <summary><c>annotate</c> through GraphQL over HTTP, against the imported seed: the snapshot's linker and definitions.</summary>
public sealed class AnnotateTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string Annotate = """
        query Annotate($text: String!, $lang: Lang, $format: AnnotateFormat, $glossaryUrl: String, $all: Boolean) {
          annotate(text: $text, lang: $lang, format: $format, glossaryUrl: $glossaryUrl, all: $all) {
            text lang format
            links { technology { slug name } matchedText line column evidence }
            glossary { technology { slug } name definition definitionSource url }
          }
        }
        """;

    private const string Post = """
        # Kafkaを運用して一年

        私たちはKafkaをイベントの土台にしている。`kafka-topics.sh` でトピックを作り、ZooKeeperからKRaftへ移った。
        Kafkaの監視にはPrometheusを使う。

        ```
        kafka-console-consumer.sh --topic orders
        ```

        """;

    [Fact]
    public async Task A_japanese_post_is_linked_by_the_catalogs_decisions_with_a_japanese_glossary()
    {
        var annotation = (await api.DataAsync(Annotate, new { text = Post, glossaryUrl = "https://glossary.example/t/{slug}" }))["annotate"]!;

        Assert.Equal("JA", (string?)annotation["lang"]);
        Assert.Equal("MARKDOWN", (string?)annotation["format"]);
        var links = annotation["links"]!.AsArray();
        var kafka = links.Single(l => (string?)l!["technology"]!["slug"] == "kafka")!;
        Assert.Equal(("Kafka", 3, 5), ((string)kafka["matchedText"]!, (int)kafka["line"]!, (int)kafka["column"]!));
        // Kafka is also a writer's name: it links on the evidence around it, which the answer gives.
        Assert.NotEqual("name", (string?)kafka["evidence"]);
        // The first occurrence only: line 4's Kafka, the heading's and the code's stay as written.
        Assert.DoesNotContain(links, l => (int)l!["line"]! != 3 && (string?)l["technology"]!["slug"] == "kafka");
        Assert.Contains(links, l => (string?)l!["technology"]!["slug"] == "prometheus" && (int)l["line"]! == 4);

        var text = (string)annotation["text"]!;
        var lines = text.Split('\n');
        Assert.Equal("# Kafkaを運用して一年", lines[0]);
        Assert.Equal("kafka-console-consumer.sh --topic orders", lines[6]);
        Assert.StartsWith("私たちは[Kafka](https://glossary.example/t/kafka \"", lines[2], StringComparison.Ordinal);
        Assert.Contains("## 用語集", lines);

        var glossary = annotation["glossary"]!.AsArray();
        Assert.Equal(links.Select(l => (string?)l!["technology"]!["slug"]), glossary.Select(g => (string?)g!["technology"]!["slug"]));
        var entry = glossary[0]!;
        var name = (string)kafka["technology"]!["name"]!;
        Assert.Equal((name, "CURATED", "https://glossary.example/t/kafka"), ((string)entry["name"]!, (string)entry["definitionSource"]!, (string)entry["url"]!));
        Assert.Contains($"- [{name}](https://glossary.example/t/kafka)：{(string)entry["definition"]!}", lines);
    }

    [Fact]
    public async Task Html_in_english_as_asked_with_abbr_titles()
    {
        var annotation = (await api.DataAsync(Annotate, new { text = "<p>Envoy sits beside each <code>istio-proxy</code> in Istio.</p>\n", format = "HTML", lang = "EN" }))["annotate"]!;

        var text = (string)annotation["text"]!;
        Assert.StartsWith("<p><abbr title=\"", text, StringComparison.Ordinal);
        Assert.Contains("<code>istio-proxy</code>", text, StringComparison.Ordinal);
        Assert.Contains("<h2>Glossary</h2>", text, StringComparison.Ordinal);
        Assert.All(annotation["glossary"]!.AsArray(), g => Assert.Null(g!["url"]));
    }

    [Fact]
    public async Task Text_over_the_notes_limits_a_bad_glossary_url_and_unsafe_text_are_refused_with_their_codes()
    {
        static (string? Code, JsonNode? Data) Outcome(JsonNode response) =>
            ((string?)response["errors"]?[0]?["extensions"]?["code"], response["data"]?["annotate"]);

        var overlong = await api.QueryAsync(Annotate, new { text = "# Title\n\n" + new string('x', 10_001) + "\n" });
        Assert.Equal((ErrorCodes.BadUserInput, null), Outcome(overlong));
        Assert.Equal(3, (int)overlong["errors"]![0]!["extensions"]!["line"]!);

        var url = await api.QueryAsync(Annotate, new { text = "Istio", glossaryUrl = "javascript:alert(1)//{slug}" });
        Assert.Equal((ErrorCodes.BadUserInput, null), Outcome(url));

        var nul = await api.QueryAsync(Annotate, new { text = "Istio\0" });
        Assert.Equal((ErrorCodes.InvalidText, null), Outcome(nul));
    }
}
