using System.Text;
using Catalog.Api.Notes;
using Catalog.Api.Search;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.WriteUps;

namespace Catalog.Tests.Import;

/// <summary>The draft a write-up gets (<see cref="NotesDrafter"/>), against the seed's vocabulary, without a database.</summary>
public sealed class NotesDraftTests
{
    private static readonly ImportPlan Seed = SeedLoader.Load(Seeds.Repository);
    private static readonly NotesVocabulary Vocabulary = NotesVocabulary.From(Seed);

    private static NotesDraft Draft(string markdown, string path = "notes/draft-test.md", NotesVocabulary? vocabulary = null) =>
        NotesDrafter.Draft(path, markdown, vocabulary ?? Vocabulary);

    /// <summary>Loads the seed folder with a drafted document: the draft's catalog file and the notes.</summary>
    private static ImportPlan Import(NotesDraft draft, string markdown, Func<string, string>? edit = null) =>
        SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
            [new SeedFile(draft.NotesPath, markdown, true), new SeedFile(draft.CatalogPath, (edit ?? FillInEvent)(draft.Yaml), true)]));

    [Fact]
    public void The_seed_notes_draft_into_their_eleven_talks_four_sections_and_known_speakers()
    {
        var notes = File.ReadAllText(Path.Combine(Seeds.Repository, "notes", "japan-container-days-v18-04.md"));
        // The catalog as it would be without these notes: it knows the people and organisations, not the talks.
        var vocabulary = Vocabulary with { TalkSlugs = new HashSet<string>(), DocumentSlugs = new HashSet<string>() };

        var draft = Draft(notes, "notes/japan-container-days-v18-04.md", vocabulary);

        var seedTalks = Seed.Catalog.Talks;
        Assert.Equal(seedTalks.Select(t => t.Title), draft.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Title));
        var document = Seed.Catalog.Documents.Single();
        Assert.Equal(
            document.Sections.Select(s => (s.Heading, s.Kind)).Prepend((document.Title, SectionKind.Introduction)).Distinct(),
            draft.Headings.Where(h => h.Kind is not SectionKind.Talk).Select(h => (h.Heading, h.Kind!.Value)));
        Assert.Equal("ja", draft.Language);
        Assert.Equal(document.Title, draft.Title);

        // Every speaker the seed records (with the organisation), as the draft writes them.
        foreach (var talk in seedTalks)
        {
            foreach (var speaker in talk.Speakers)
            {
                var entry = speaker.Organization is null ? $"- {{ person: {speaker.Person} }}" : $"- {{ person: {speaker.Person}, organization: {speaker.Organization} }}";
                Assert.Contains(entry, TalkBlock(draft.Yaml, talk.Title), StringComparison.Ordinal);
            }
        }
        // The draft finds exactly the mentions the import records.
        Assert.Equal(Seed.Mentions.Count, draft.MentionCount);
    }

    [Fact]
    public void A_track_heading_over_a_talk_of_the_same_text_drafts_a_track_and_the_talks_second_occurrence()
    {
        const string markdown = "# Mesos day\n\n## Apache Mesos\n\n### Apache Mesos\n\n- Kubernetesとの違い\n\n### Marathon on Mesos\n\n- 続き\n";

        var draft = Draft(markdown);

        Assert.Equal(
            [("Mesos day", SectionKind.Introduction, 1), ("Apache Mesos", SectionKind.Track, 1), ("Apache Mesos", SectionKind.Talk, 2), ("Marathon on Mesos", SectionKind.Talk, 1)],
            draft.Headings.Select(h => (h.Heading, h.Kind!.Value, h.Occurrence)));
        Assert.Contains("    occurrence: 2", draft.Yaml, StringComparison.Ordinal);
        var plan = Import(draft, markdown);
        var document = plan.Documents.Single(d => d.Seed.File == draft.NotesPath);
        var talk = document.Sections.Single(s => s.Heading == "Apache Mesos" && s.Kind == SectionKind.Talk);
        Assert.Equal(5, talk.StartLine);
        Assert.Contains(plan.Mentions, m => m.Section == talk.Slug && m.Technology == "kubernetes" && m.Line == 7);
    }

    [Fact]
    public void Sub_headings_inside_a_talk_stay_part_of_it_and_parts_of_a_post_get_their_kinds()
    {
        const string markdown =
            "# Day notes\n\n## はじめに\n\n- 参加した\n\n## Istio at scale\n\n- Istioの話\n- Envoyの設定\n\n### Civ6知らない人向けの話\n\n- Kubernetesで例える\n\n" +
            "### 質疑応答\n\n- Q&A\n\n## Day 2\n\n### Helm tips\n\n- Helm 3\n\n## まとめ\n\n- よかった\n\n## Links\n\n- https://example.org/\n";

        var draft = Draft(markdown);

        Assert.Equal(
            [("Day notes", (SectionKind?)SectionKind.Introduction), ("はじめに", SectionKind.Introduction), ("Istio at scale", SectionKind.Talk),
             ("Civ6知らない人向けの話", null), ("質疑応答", null), ("Day 2", SectionKind.Track), ("Helm tips", SectionKind.Talk),
             ("まとめ", SectionKind.Closing), ("Links", SectionKind.Links)],
            draft.Headings.Select(h => (h.Heading, h.Kind)));
        var istio = draft.Headings.Single(h => h.Heading == "Istio at scale");
        Assert.Equal(19, istio.EndLine);
        // Imported, the talk's section keeps the sub-headings' lines: Kubernetes on line 14 is a mention in the talk.
        var plan = Import(draft, markdown);
        var section = plan.Documents.Single(d => d.Seed.File == draft.NotesPath).Sections.Single(s => s.Heading == "Istio at scale");
        Assert.Equal((7, 19), (section.StartLine, section.EndLine));
        Assert.Contains(plan.Mentions, m => m.Section == section.Slug && m.Technology == "kubernetes" && m.Line == 14);
    }

    [Fact]
    public void Near_miss_spellings_of_known_names_come_with_the_alias_that_links_them()
    {
        const string markdown = "# Notes\n\n## A talk\n\n- Concource CIを使う\n- AppEngineと比べる\n- Kuberntesの運用\n- containerを並べる、Dockersも\n- swarm モード\n";

        var draft = Draft(markdown);

        var misses = draft.NearMisses.ToDictionary(n => n.Text, n => (n.Technology, n.LookUpOnly, n.Line));
        Assert.Equal(("concourse-ci", false, 5), misses["Concource CI"]); // the two words, after the alias "Concourse CI"
        Assert.Equal(("google-app-engine", false, 6), misses["AppEngine"]);
        Assert.Equal(("kubernetes", false, 7), misses["Kuberntes"]);
        Assert.Equal(("docker-swarm", true, 9), misses["swarm"]);
        Assert.False(misses.ContainsKey("container")); // a word that starts a known name ("containerd") is a word of its own
        Assert.False(misses.ContainsKey("Dockers"));
        Assert.Contains("  # - { technology: concourse-ci, text: Concource CI, kind: notes-spelling }", draft.Yaml, StringComparison.Ordinal);
        Assert.True(Trigrams.Similarity(Trigrams.Set("concource"), Trigrams.Set("concourse")) >= 0.5);

        // Uncommenting the suggested aliases links the spellings: each becomes a mention of its technology.
        var plan = Import(draft, markdown, yaml => FillInEvent(yaml).Replace("  # - { technology:", "  - { technology:", StringComparison.Ordinal));
        var mentions = plan.Mentions.Where(m => m.Document == "draft-test-notes").Select(m => (m.Line, m.Technology, m.MatchedText)).ToList();
        Assert.Contains((5, "concourse-ci", "Concource CI"), mentions);
        Assert.DoesNotContain(mentions, m => m.Technology == "continuous-integration"); // the "CI" of the product's name is no longer one
        Assert.Contains((6, "google-app-engine", "AppEngine"), mentions);
        Assert.Contains((7, "kubernetes", "Kuberntes"), mentions);
    }

    [Fact]
    public void Terms_that_look_like_technologies_the_catalog_lacks_are_listed_with_lines_and_counts()
    {
        const string markdown =
            "# Notes\n\n## Serverless on Kubernetes\n\n- Capistranoを試した。Capistranoはよい\n- The talk was great and Sidekiq came up too.\n" +
            "- `skopeo copy` で入れる\n- <iframe src=\"https://example.org/embed\" width=\"560\" frameborder=\"0\" allowfullscreen></iframe>\n" +
            "- https://github.com/knative-extensions/Knative-Thing\n";

        var draft = Draft(markdown);

        var candidates = draft.Candidates.ToDictionary(c => c.Text, c => (c.Count, string.Join(",", c.Lines)));
        Assert.Equal((2, "5"), candidates["Capistrano"]);
        Assert.Equal((1, "6"), candidates["Sidekiq"]);
        Assert.Equal((1, "7"), candidates["skopeo"]);
        Assert.DoesNotContain("The", candidates.Keys);
        Assert.DoesNotContain("iframe", candidates.Keys);
        Assert.DoesNotContain("frameborder", candidates.Keys);
        Assert.DoesNotContain("Knative-Thing", candidates.Keys);
        Assert.Contains("# not in the catalog: Capistrano (5; 2x), Sidekiq (6), skopeo (7)", draft.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_are_names_of_things_and_not_days_places_everyday_words_known_forms_or_the_posts_own_event()
    {
        const string markdown =
            "# Riverside Cloud Meetup recap\n\n## Scaling builds\n\n" +
            "On Wed and Tue Dec 3 in Tokyo and Osaka, Riverside Cloud folks opened the Console for Management.\n" +
            "- Zarquon\n" +
            "* Sidekiq\n" +
            "1. Capistrano\n" +
            "| Blorpctl | TODO | PR | OS | IO |\n" +
            "- We watch and push, and the Vector team wrote a note.\n" +
            "- TKE and Tencent Kubernetes Engine, tencent-kubernetes-engine-tke, KUBERNETES\n" +
            "- postgres for metadata, mysql for billing\n";

        var draft = Draft(markdown);

        var candidates = draft.Candidates.Select(c => c.Text).ToList();
        // A tool named alone in a list item or a table cell is a candidate: those are no sentences.
        Assert.Subset(candidates.ToHashSet(), new HashSet<string> { "Zarquon", "Sidekiq", "Capistrano", "Blorpctl" });
        foreach (var noise in new[] { "Wed", "Tue", "Dec", "Tokyo", "Osaka", "Console", "Management", "TODO", "PR", "OS", "IO", "watch", "push",
            "Riverside", "Riverside Cloud", "TKE", "Tencent Kubernetes Engine", "tencent-kubernetes-engine-tke", "KUBERNETES", "Vector" })
            Assert.DoesNotContain(noise, candidates);
        // Short forms of databases are found: Postgres links in any case, MySQL only as written (the draft says so).
        var mentions = NotesDrafter.Draft("notes/draft-test.md", markdown, Vocabulary).MentionCount;
        Assert.True(mentions > 0);
        Assert.Contains(draft.NearMisses, n => n.Text == "mysql" && n.Technology == "mysql");
        Assert.Contains(Import(draft, markdown).Mentions, m => m.Document == "draft-test-notes" && m.Technology == "postgresql" && m.MatchedText == "postgres");

        // Each candidate comes with a technology entry to uncomment; a name is a project, lower-case words a concept.
        Assert.Contains("#   - slug: zarquon\n#     name: Zarquon\n#     kind: project", draft.Yaml, StringComparison.Ordinal);
        Assert.Equal("concept", DraftYaml.KindOf("progressive delivery"));
        Assert.Equal("project", DraftYaml.KindOf("Blorpctl"));
    }

    [Fact]
    public void A_one_letter_typo_in_a_three_word_name_is_offered_and_a_dictionary_word_is_not()
    {
        const string markdown = "# Notes\n\n## A talk\n\n- Open Policy Agnet checks manifests\n- the locker room and a binder of checkpoint notes\n- サバーレスで動かす\n";

        var draft = Draft(markdown);

        var misses = draft.NearMisses.ToDictionary(n => n.Text, n => n.Technology);
        Assert.Equal("open-policy-agent", misses["Open Policy Agnet"]);
        Assert.Equal("serverless", misses["サバーレス"]); // a katakana reading without its long-vowel mark
        Assert.DoesNotContain("locker", misses.Keys); // one letter from Docker, but an English word
        Assert.DoesNotContain("binder", misses.Keys);
        Assert.DoesNotContain("checkpoint", misses.Keys);
    }

    [Fact]
    public void A_headings_speakers_are_split_from_its_title_and_known_ones_listed_with_their_organisation()
    {
        const string markdown =
            "# Notes\n\n## Lazy image pulls - Kohei Tokunaga, NTT\n\n- 速い\n\n## Istioと共にマイクロサービスに立ち向かえ!\n\n- Aya Igarashi(Z Lab)\n- 楽しい\n";

        var draft = Draft(markdown);

        var lazy = draft.Headings.Single(h => h.Line == 3);
        Assert.Equal("Lazy image pulls", lazy.Title);
        Assert.Contains("    heading: Lazy image pulls - Kohei Tokunaga, NTT", draft.Yaml, StringComparison.Ordinal);
        // The speaker the heading names is the talk's, with the company written beside them.
        Assert.Contains("      - { person: kohei-tokunaga, organization: ntt }", TalkBlock(draft.Yaml, "Lazy image pulls"), StringComparison.Ordinal);
        Assert.Contains("  - { slug: kohei-tokunaga, name: Kohei Tokunaga }", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("      - { person: aya-igarashi, organization: z-lab }", TalkBlock(draft.Yaml, "Istioと共にマイクロサービスに立ち向かえ!"), StringComparison.Ordinal);
        Import(draft, markdown);
    }

    [Theory]
    [InlineData("Keynote: the state of Kubernetes")]
    [InlineData("\"Quoted\" and 'single' # not a comment")]
    [InlineData("[brackets] {braces}, commas")]
    [InlineData("@handle's talk")]
    [InlineData("null")]
    [InlineData("a\\backslash and ~ tilde")]
    [InlineData("- starts like a list item")]
    [InlineData("ends with a colon:")]
    [InlineData("Japanese: 日本語の見出し\u2028with a line separator")]
    [InlineData("C#")]
    public void Any_heading_reads_back_exactly_from_the_drafted_yaml(string heading)
    {
        var markdown = $"# Notes\n\n## {heading}\n\n- Istio\n";

        var draft = Draft(markdown);

        var plan = Import(draft, markdown);
        var talk = Assert.Single(plan.Catalog.Talks, t => t.Document == "draft-test-notes");
        Assert.Equal(heading, talk.Heading ?? talk.Title);
    }

    [Fact]
    public void The_unfilled_draft_is_refused_at_the_event_name_line_and_nothing_else()
    {
        var draft = Draft(WriteUp, "notes/container-meetup-example.md");

        var errors = Assert.Throws<SeedException>(() => Import(draft, WriteUp, yaml => yaml)).Errors;

        var error = Assert.Single(errors);
        Assert.Equal("catalog/container-meetup-example.yaml", error.File);
        Assert.StartsWith("    name:", draft.Yaml.Split('\n')[error.Line - 1], StringComparison.Ordinal);
        Assert.Contains("'name' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taken_slug_is_not_drafted_again()
    {
        var first = Draft(WriteUp, "notes/container-meetup-example.md");
        var taken = Vocabulary with
        {
            TalkSlugs = first.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Slug!).ToHashSet(),
            DocumentSlugs = new HashSet<string> { "container-meetup-example-notes" },
        };

        var second = Draft(WriteUp, "notes/container-meetup-example.md", taken);

        Assert.Empty(second.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Slug).Intersect(taken.TalkSlugs));
        Assert.Contains("  - slug: container-meetup-example-notes-2", second.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_500_line_write_up_drafts_every_copy_of_its_talks_and_imports_with_the_mentions_the_draft_counts()
    {
        var single = Draft(WriteUp);
        var singleTalks = single.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Heading).ToList();
        var text = LongWriteUp();

        var draft = Draft(text);

        // Every copy of the write-up drafts the talks the write-up alone does, each heading under its own slug.
        var talks = draft.Headings.Where(h => h.Kind == SectionKind.Talk).ToList();
        var copies = text.Split('\n').Count(l => l.StartsWith("## Part ", StringComparison.Ordinal));
        Assert.True(copies >= 5, $"The long write-up has {copies} copies.");
        foreach (var heading in singleTalks)
            Assert.InRange(talks.Count(t => t.Heading == heading), copies - 1, copies);
        Assert.Equal(talks.Count, talks.Select(t => t.Slug).Distinct().Count());
        // Repeated headings are told apart by their occurrence, and the import finds each.
        Assert.Contains(talks, t => t.Occurrence > 1);
        var plan = Import(draft, text);
        Assert.Equal(talks.Count, plan.Catalog.Talks.Count(t => t.Document == plan.Documents.Single(d => d.Seed.File == draft.NotesPath).Seed.Slug));
        var document = plan.Documents.Single(d => d.Seed.File == draft.NotesPath).Seed.Slug;
        Assert.Equal(single.MentionCount * copies, draft.MentionCount, tolerance: single.MentionCount);
        // The copies name the technologies the write-up names, and the import links them all.
        var alone = Import(single, WriteUp);
        Assert.Equal(
            alone.Mentions.Where(m => m.Document == document).Select(m => m.Technology).ToHashSet(),
            plan.Mentions.Where(m => m.Document == document).Select(m => m.Technology).ToHashSet());
    }

    /// <summary>The lines of the drafted YAML that belong to the talk with this title.</summary>
    private static string TalkBlock(string yaml, string title)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("    title: ", StringComparison.Ordinal) && l.Contains(title, StringComparison.Ordinal));
        Assert.True(start >= 0, $"No talk titled '{title}' in:\n{yaml}");
        var end = lines.FindIndex(start, l => l.Length == 0);
        return string.Join('\n', lines.Skip(start).Take(end - start));
    }
}
