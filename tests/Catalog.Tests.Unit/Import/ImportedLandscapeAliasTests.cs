using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import;

/// <summary>
/// An imported file's catalog entries name the technologies only the CNCF landscape brings (RabbitMQ, llama.cpp)
/// as they name curated ones: aliases, relations, a document's spellings and mentions, with the real seed folder.
/// </summary>
public sealed class ImportedLandscapeAliasTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    private const string CatalogPath = "catalog/broker-notes.yaml";

    private const string Notes = """
        # Broker notes

        - RabbitMQからKafkaへ移った話
        - rabbitMQのキューの話
        - llama.cppも少し

        """;

    /// <summary>The write-up's catalog entries: a document (with <paramref name="spellings"/>), a technology related to RabbitMQ, and <paramref name="aliases"/>.</summary>
    private static string Catalog(string aliases = "", string spellings = "") => $$"""
        documents:
          - slug: broker-notes
            file: notes/broker-notes.md
            title: Broker notes
            language: ja
            spellings: [{{spellings}}]
            sections:
              - { slug: introduction, heading: Broker notes, kind: introduction }
        technologies:
          - slug: broker-bridge
            name: Broker Bridge
            kind: project
            categories: [streaming-messaging]
            definition: { en: A bridge between brokers made up for the tests., ja: テスト用のブローカー間ブリッジ。 }
            relations:
              - { kind: integrates-with, target: rabbitmq }
        aliases:
        {{aliases}}

        """;

    private static ImportPlan Load(string catalog, string notes = Notes) =>
        SeedLoader.Load(Seeds.Repository, Folder, [new("notes/broker-notes.md", notes, true), new(CatalogPath, catalog, true)]);

    private static int LineOf(string text, string needle) => text.Split('\n').ToList().FindIndex(l => l.Contains(needle, StringComparison.Ordinal)) + 1;

    [Fact]
    public void An_alias_spelled_like_a_landscape_technologys_slug_is_that_technologys()
    {
        var plan = Load(Catalog(aliases: "  - { technology: llama-cpp, text: llama-cpp, kind: other }"));

        var llama = Assert.Single(plan.Catalog.Technologies, t => t.Name == "llama.cpp");
        Assert.Equal("llama-cpp", llama.Slug);
        Assert.NotNull(llama.Landscape);
        Assert.Contains(plan.Aliases["llama-cpp"], a => a.Text == "llama-cpp" && a.Kind == AliasKind.Other);
        Assert.DoesNotContain(plan.Catalog.Technologies, t => t.Slug == "llama-cpp-2");
        // The seed's definition of it still finds it.
        Assert.NotEmpty(llama.Definitions);
        Assert.Contains(plan.Mentions, m => m.Document == "broker-notes" && m.Technology == "llama-cpp" && m.Line == 5);
    }

    [Fact]
    public void A_landscape_technology_takes_an_imported_alias_relation_and_mentions()
    {
        var plan = Load(Catalog(aliases: "  - { technology: rabbitmq, text: Rabbit MQ, kind: notes-spelling }"));

        Assert.Contains(plan.Aliases["rabbitmq"], a => a.Text == "Rabbit MQ" && a.Kind == AliasKind.NotesSpelling);
        Assert.Contains(plan.Catalog.Technologies.Single(t => t.Slug == "broker-bridge").Relations, r => r.Target == "rabbitmq");
        Assert.Contains(plan.Mentions, m => m.Document == "broker-notes" && m.Technology == "rabbitmq" && m.Line == 3 && m.MatchedText == "RabbitMQ");
    }

    [Fact]
    public void A_documents_spelling_links_a_landscape_name_written_in_another_case()
    {
        // The write-up writes RabbitMQ only in lower case, in a line with nothing else about it: the landscape's
        // case-sensitive name does not link there alone.
        const string notes = "# Broker notes\n\n- rabbitMQ came up twice.\n";
        Assert.DoesNotContain(Load(Catalog(), notes).Mentions, m => m.Document == "broker-notes" && m.Technology == "rabbitmq");

        var plan = Load(Catalog(spellings: "{ text: rabbitMQ, technology: rabbitmq }"), notes);

        var mention = Assert.Single(plan.Mentions, m => m.Document == "broker-notes" && m.Technology == "rabbitmq");
        Assert.Equal((3, 3, "rabbitMQ"), (mention.Line, mention.Column, mention.MatchedText));
    }

    [Theory]
    [InlineData("rabbitMQ")]
    [InlineData("rabbitmq")]
    [InlineData("ＲａｂｂｉｔＭＱ")]
    public void An_alias_differing_from_a_landscape_name_only_in_case_is_one_error_at_its_line_that_points_to_spellings(string text)
    {
        var catalog = Catalog(aliases: $"  - {{ technology: rabbitmq, text: {text}, kind: notes-spelling }}");

        var exception = Assert.Throws<SeedException>(() => Load(catalog));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((SeedLoader.ImportedPrefix + CatalogPath, LineOf(catalog, "technology: rabbitmq, text:")), (error.File, error.Line));
        Assert.Equal(
            $"Technology 'rabbitmq' has 'RabbitMQ' (its name) already, and '{text}' differs from it only in case or width, which makes no new alias. " +
            $"For a document that writes '{text}' for 'rabbitmq', give the document 'spellings: [{{ text: {text}, technology: rabbitmq }}]'.",
            error.Message);
    }

    [Fact]
    public void An_imported_alias_with_another_landscape_technologys_name_is_a_clash_at_its_line_not_a_join()
    {
        // The seed's own corrections join two landscape items this way ({ technology: druid, text: Apache Druid });
        // an imported file's alias names a landscape technology as it names a curated one.
        var catalog = Catalog(aliases: "  - { technology: kafka, text: RabbitMQ }");

        var exception = Assert.Throws<SeedException>(() => Load(catalog));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((SeedLoader.ImportedPrefix + CatalogPath, LineOf(catalog, "technology: kafka")), (error.File, error.Line));
        Assert.Matches(@"^'RabbitMQ' names both 'rabbitmq' \(landscape/landscape\.yml:\d+\) and 'kafka'; an alias must lead to one technology\.$", error.Message);
    }

    [Fact]
    public void An_alias_of_an_unknown_technology_with_a_landscape_name_is_one_error_at_its_line()
    {
        var catalog = Catalog(aliases: "  - { technology: rabbit-broker, text: RabbitMQ }");

        var exception = Assert.Throws<SeedException>(() => Load(catalog));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((SeedLoader.ImportedPrefix + CatalogPath, LineOf(catalog, "rabbit-broker")), (error.File, error.Line));
        Assert.Equal("The alias 'RabbitMQ' refers to the technology 'rabbit-broker', which does not exist.", error.Message);
    }
}
