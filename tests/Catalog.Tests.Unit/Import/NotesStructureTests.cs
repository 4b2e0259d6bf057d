using Catalog.Api.Notes;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Model.Technologies;
using Catalog.Tests.Infrastructure;

namespace Catalog.Tests.Import;

/// <summary>The structures real posts have, as the seed format writes them down: repeated headings, sub-headings inside talks, extra aliases.</summary>
public sealed class NotesStructureTests
{
    private static readonly List<SeedFile> Folder = SeedLoader.ReadFolder(Seeds.Repository);

    private const string Event = "events:\n  - { slug: structure-event, name: Structure Event }\n";

    private static string Document(string sections) =>
        $"documents:\n  - slug: structure-notes\n    file: notes/structure.md\n    title: Structure\n    language: ja\n    event: structure-event\n    sections:\n{sections}";

    private static ImportPlan Load(string notes, string catalog) =>
        SeedLoader.Load(SeedLoader.Merge(Folder, [new("notes/structure.md", notes, true), new("catalog/structure.yaml", catalog, true)]));

    private static SeedError Fails(string notes, string catalog)
    {
        var exception = Assert.Throws<SeedException>(() => Load(notes, catalog));
        return Assert.Single(exception.Errors);
    }

    private static PlannedDocument Planned(ImportPlan plan) => plan.Documents.Single(d => d.Seed.Slug == "structure-notes");

    private const string Repeated = "# Structure\n\n## Apache Mesos\n\n### Apache Mesos\n\n- Kubernetesとの比較\n";

    [Fact]
    public void An_entry_names_which_occurrence_of_a_repeated_heading_it_means()
    {
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: mesos-track, heading: Apache Mesos, kind: track }\n") +
            "talks:\n  - { slug: structure-mesos-talk, document: structure-notes, title: Apache Mesos, occurrence: 2 }\n";

        var sections = Planned(Load(Repeated, catalog)).Sections;

        Assert.Equal([("introduction", SectionKind.Introduction, 1), ("mesos-track", SectionKind.Track, 3), ("structure-mesos-talk", SectionKind.Talk, 5)],
            sections.Select(s => (s.Slug, s.Kind, s.StartLine)));
        Assert.Equal(7, sections[^1].EndLine);
    }

    [Fact]
    public void A_repeated_heading_without_its_entry_is_reported_with_the_occurrence_to_give()
    {
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: mesos-track, heading: Apache Mesos, kind: track }\n") + "talks: []\n";

        var error = Fails(Repeated, catalog);

        Assert.Equal(("notes/structure.md", 5), (error.File, error.Line));
        Assert.Contains("number 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("'occurrence: 2'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_entries_claiming_one_heading_are_an_error_at_the_second()
    {
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: mesos-track, heading: Apache Mesos, kind: track }\n") +
            "talks:\n  - { slug: structure-mesos-talk, document: structure-notes, title: Apache Mesos }\n";

        var errors = Assert.Throws<SeedException>(() => Load(Repeated, catalog)).Errors;

        Assert.Contains(errors, e => e.File == "catalog/structure.yaml" && e.Line == 13
            && e.Message.Contains("claims the heading 'Apache Mesos' (occurrence 1), which section 'mesos-track' claims already", StringComparison.Ordinal));
    }

    [Fact]
    public void An_occurrence_the_notes_do_not_have_names_the_count()
    {
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: mesos-track, heading: Apache Mesos, kind: track }\n") +
            "talks:\n  - { slug: structure-mesos-talk, document: structure-notes, title: Apache Mesos, occurrence: 2 }\n" +
            "  - { slug: structure-mesos-again, document: structure-notes, title: Apache Mesos, occurrence: 3 }\n";

        var error = Fails(Repeated, catalog);

        Assert.Equal(14, error.Line);
        Assert.Contains("has no heading 'Apache Mesos' (occurrence 3; the file has 2 such headings)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    [InlineData("-1")]
    public void An_occurrence_is_a_whole_number_from_one(string occurrence)
    {
        var catalog = Event + Document("      - { slug: introduction, heading: Structure, kind: introduction }\n") +
            $"talks:\n  - {{ slug: structure-talk, document: structure-notes, title: Apache Mesos, occurrence: {occurrence} }}\n";

        var errors = Assert.Throws<SeedException>(() => Load(Repeated, catalog)).Errors;

        Assert.Contains(errors, e => e.Line == 12 && e.Message.Contains("'occurrence' must be a whole number of at least 1", StringComparison.Ordinal));
    }

    private const string TalkWithSubHeadings =
        "# Structure\n\n## Istio at scale\n\n- Istioの話\n\n### Civ6知らない人向けの話\n\n- Envoyで例える\n\n### 質疑応答\n\n- Kubernetes\n\n## まとめ\n\n- 終わり\n";

    [Fact]
    public void Sub_headings_inside_a_talk_stay_part_of_it_unless_declared()
    {
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: closing, heading: まとめ, kind: closing }\n") +
            "talks:\n  - { slug: structure-istio, document: structure-notes, title: Istio at scale }\n";

        var plan = Load(TalkWithSubHeadings, catalog);

        var talk = Planned(plan).Sections.Single(s => s.Slug == "structure-istio");
        Assert.Equal((3, 14), (talk.StartLine, talk.EndLine));
        Assert.Equal(["introduction", "structure-istio", "closing"], Planned(plan).Sections.Select(s => s.Slug));
        Assert.Equal(["istio", "envoy", "kubernetes"], plan.Mentions.Where(m => m.Section == "structure-istio").Select(m => m.Technology).Distinct());

        // Declared, a sub-heading is a section of its own and takes its lines from the talk.
        var declared = Load(TalkWithSubHeadings, catalog.Replace("kind: closing }\n", "kind: closing }\n      - { slug: questions, heading: 質疑応答, kind: other }\n", StringComparison.Ordinal));
        var sections = Planned(declared).Sections;
        Assert.Equal((3, 10), (sections.Single(s => s.Slug == "structure-istio").StartLine, sections.Single(s => s.Slug == "structure-istio").EndLine));
        Assert.Equal((11, 14), (sections.Single(s => s.Slug == "questions").StartLine, sections.Single(s => s.Slug == "questions").EndLine));
        Assert.Equal("questions", Assert.Single(declared.Mentions, m => m.Technology == "kubernetes" && m.Document == "structure-notes").Section);
    }

    [Fact]
    public void A_sub_heading_under_a_section_that_is_not_a_talk_needs_an_entry()
    {
        const string notes = "# Structure\n\n## まとめ\n\n### 感想\n\n- よかった\n";
        var catalog = Event + Document(
            "      - { slug: introduction, heading: Structure, kind: introduction }\n      - { slug: closing, heading: まとめ, kind: closing }\n") + "talks: []\n";

        var error = Fails(notes, catalog);

        Assert.Equal(("notes/structure.md", 5), (error.File, error.Line));
        Assert.Contains("The heading '感想' has no talk", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("talk", "a talk is a 'talks' entry")]
    [InlineData("preamble", "the preamble is the lines before the first heading")]
    public void A_section_entry_cannot_be_a_talk_or_the_preamble(string kind, string message)
    {
        var catalog = Event + Document($"      - {{ slug: introduction, heading: Structure, kind: {kind} }}\n") + "talks: []\n";

        var errors = Assert.Throws<SeedException>(() => Load("# Structure\n", catalog)).Errors;

        Assert.Contains(errors, e => e.Line == 10 && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_slug_used_twice_in_a_document_is_an_error()
    {
        var catalog = Event + Document("      - { slug: structure-istio, heading: Structure, kind: introduction }\n") +
            "talks:\n  - { slug: structure-istio, document: structure-notes, title: Istio at scale }\n";

        var errors = Assert.Throws<SeedException>(() => Load("# Structure\n\n## Istio at scale\n", catalog)).Errors;

        Assert.Contains(errors, e => e.Line == 12 && e.Message.Contains("The slug 'structure-istio' names two sections", StringComparison.Ordinal));
    }

    [Fact]
    public void A_heading_longer_than_its_column_is_an_error_at_the_entry()
    {
        var heading = new string('長', 301);
        var catalog = Event + Document("      - { slug: introduction, heading: Structure, kind: introduction }\n") +
            $"talks:\n  - {{ slug: structure-long, document: structure-notes, title: Long, heading: {heading} }}\n";

        var error = Fails($"# Structure\n\n## {heading}\n", catalog);

        Assert.Equal(("catalog/structure.yaml", 12), (error.File, error.Line));
        Assert.Contains("'heading' has 301 characters; the limit is 300", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Top_level_aliases_link_a_documents_own_spellings_to_any_technology()
    {
        const string notes = "# Structure\n\n- Concource CIとPromethusを使う\n";
        var catalog = Event + Document("      - { slug: introduction, heading: Structure, kind: introduction }\n") +
            "people:\ntalks:\naliases:\n  - { technology: concourse-ci, text: Concource, kind: notes-spelling }\n" +
            "  - { technology: prometheus, text: Promethus, kind: notes-spelling, lang: en }\n";

        var plan = Load(notes, catalog);

        // "CI" after "Concource" is the rest of the product's name, and alone it is too short to link without evidence.
        Assert.Equal([("concourse-ci", "Concource"), ("prometheus", "Promethus")],
            plan.Mentions.Where(m => m.Document == "structure-notes").Select(m => (m.Technology, m.MatchedText)));
        Assert.Contains(plan.Aliases["prometheus"], a => a.Text == "Promethus" && a.Kind == Catalog.Model.Technologies.AliasKind.NotesSpelling);
    }

    [Theory]
    [InlineData("  - { technology: no-such-technology, text: Nothing }\n", "refers to the technology 'no-such-technology', which does not exist")]
    [InlineData("  - { technology: istio, text: k8s }\n", "'k8s' names both 'kubernetes' (catalog/technologies-kubernetes.yaml:")]
    [InlineData("  - { technology: istio, txt: Istoi }\n", "Unknown key 'txt'")]
    public void A_top_level_alias_is_checked_like_any_other(string alias, string message)
    {
        var catalog = Event + Document("      - { slug: introduction, heading: Structure, kind: introduction }\n") + "aliases:\n" + alias;

        var errors = Assert.Throws<SeedException>(() => Load("# Structure\n", catalog)).Errors;

        Assert.Contains(errors, e => e.File == "catalog/structure.yaml" && e.Line == 12 && e.Message.Contains(message, StringComparison.Ordinal));
    }
}
