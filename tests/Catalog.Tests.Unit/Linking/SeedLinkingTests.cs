using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Linking;

/// <summary>What the seed says about linking: which names are ambiguous, a document's own spellings, and the seed notes' mentions.</summary>
public sealed class SeedLinkingTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);
    private static readonly ImportPlan Plan = SeedLoader.Load(Folder);

    private const string Event = "events:\n  - { slug: linking-event, name: Linking Event }\n";

    private static string Document(string spellings) =>
        "documents:\n  - slug: linking-notes\n    file: notes/linking.md\n    title: Linking\n    language: en\n    event: linking-event\n" +
        "    sections:\n      - { slug: introduction, heading: Linking, kind: introduction }\n" + spellings;

    private static ImportPlan Load(string notes, string catalog) =>
        SeedLoader.Load(SeedLoader.Merge(Folder, [new("notes/linking.md", notes, true), new("catalog/linking-test.yaml", catalog, true)]));

    private static PlannedAlias Form(string slug, string text) => Plan.Aliases[slug].Single(a => a.Text == text);

    [Fact]
    public void Ordinary_words_and_names_are_ambiguous_and_coined_names_are_not()
    {
        Assert.Equal(NameAmbiguity.Word, Form("helm", "Helm").Ambiguity);
        Assert.Equal(NameAmbiguity.ProperName, Form("prometheus", "Prometheus").Ambiguity);
        Assert.Equal(NameAmbiguity.Everyday, Form("thanos", "Thanos").Ambiguity);
        Assert.Equal(NameAmbiguity.Reading, Form("pod", "ポッド").Ambiguity);
        Assert.Null(Form("containerd", "containerd").Ambiguity);
        Assert.Null(Form("kubernetes", "Kubernetes").Ambiguity);
        // The seed's linking list wins over the word lists, both ways.
        Assert.Null(Form("redis", "Redis").Ambiguity);
        Assert.Equal(NameAmbiguity.Marked, Form("circuit-breaker", "サーキットブレーカー").Ambiguity);
    }

    [Fact]
    public void The_import_says_how_many_names_are_ambiguous_and_why()
    {
        var summary = CatalogImporter.Check(Seeds.Repository).Summary();
        var words = Plan.Aliases.Values.SelectMany(f => f).Count(f => f.Ambiguity == NameAmbiguity.Word);
        Assert.Contains($"{words} {NameAmbiguity.Word}", summary, StringComparison.Ordinal);
        Assert.Contains("  linking: ", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seed_notes_link_a_communitys_name_to_no_concept()
    {
        // "Shingo Yoshida(Section9/Serverless)" names a community, not the serverless concept.
        Assert.DoesNotContain(Plan.Mentions, m => m.Line == 141);
        Assert.Contains(Plan.Mentions, m => m.Line == 149 && m.Technology == "aws-lambda");
        Assert.Contains(Plan.Mentions, m => m.Line == 204 && m.MatchedText == "helm");
    }

    [Fact]
    public void A_document_says_what_its_own_spellings_mean_there()
    {
        const string notes = "# Linking\n\nWe moved the pipeline to argo, and the tokens to vault.\n";

        var without = Load(notes, Event + Document(""));
        var with = Load(notes, Event + Document("    spellings:\n      - { text: argo, technology: Argo CD }\n      - { text: vault, technology: vault }\n"));

        Assert.DoesNotContain(without.Mentions, m => m.Document == "linking-notes");
        Assert.Equal([("argo", "argo"), ("vault", "vault")],
            with.Mentions.Where(m => m.Document == "linking-notes").Select(m => (m.Technology, m.MatchedText)));
    }

    [Theory]
    [InlineData("    spellings:\n      - { text: argo, technology: no-such-thing }\n", "means 'no-such-thing', which is no technology's slug or name")]
    [InlineData("    spellings:\n      - { text: argo, technology: argo }\n      - { text: argo, technology: flux }\n", "gives the spelling 'argo' twice")]
    public void A_spelling_is_checked(string spellings, string message)
    {
        var errors = Assert.Throws<SeedException>(() => Load("# Linking\n", Event + Document(spellings))).Errors;
        Assert.Contains(errors, e => e.File == "catalog/linking-test.yaml" && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_linking_list_says_always_or_context()
    {
        var errors = Assert.Throws<SeedException>(() => Load("# Linking\n", Event + Document("") + "linking:\n  - { name: Helm, link: sometimes }\n")).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(("catalog/linking-test.yaml", 12), (error.File, error.Line));
        Assert.Contains("'link' is 'always'", error.Message, StringComparison.Ordinal);
    }
}
