using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.WriteUps;

namespace Catalog.Tests.Import;

/// <summary>
/// Shapes that public write-ups take and a draft has to read: speakers named after a talk's title in the shapes
/// schedules use, speakers named in Japanese prose, a talk with one sub-heading, a lunch break with headings of its
/// own, and words that are no names of technologies (file names, shouted words, a name and a word run together).
/// Every example is invented.
/// </summary>
public sealed class PostShapesDraftTests
{
    private static readonly ImportPlan Seed = SeedLoader.Load(Seeds.Repository);
    private static readonly NotesVocabulary Vocabulary = NotesVocabulary.From(Seed);

    private static NotesDraft Draft(string markdown) => NotesDrafter.Draft("notes/post-shapes-test.md", markdown, Vocabulary);

    private static ImportPlan Import(NotesDraft draft, string markdown) =>
        SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
            [new SeedFile(draft.NotesPath, markdown, true), new SeedFile(draft.CatalogPath, FillInEvent(draft.Yaml), true)]));

    /// <summary>The speakers and organisations of the imported talk with this title: (person's name, handle, organisation slug).</summary>
    private static List<(string Name, string? Handle, string? Organization)> SpeakersOf(ImportPlan plan, string title)
    {
        var talk = plan.Catalog.Talks.Single(t => t.Title == title);
        return [.. talk.Speakers.Select(s => plan.Catalog.People.Single(p => p.Slug == s.Person)).Zip(talk.Speakers, (p, s) => (p.Name, p.Handle, s.Organization))];
    }

    [Fact]
    public void Speakers_written_after_a_talks_title_become_its_speakers_in_the_shapes_schedules_use()
    {
        const string markdown = """
            # Example Cloud Meetup notes

            ## Tuning queues at scale - Jane Roe, Examplesoft @jroe_ex
            - batching helps

            ## Migrating our clusters by Ken Abe / Nimbus Labs (gold sponsor)
            - Kubernetes upgrades

            ## Building a status page: Acme Works by @solo_ex
            - plain HTML

            ## Admission checks by Max (Principal engineer at Google)
            - webhooks

            ## Cutting network costs - Lee Park, Datadog
            - fewer hops

            ## Release notes from the field - Mira Ode & Tom Vale, Examplesoft
            - write them early

            ## Flow logs without agents - Ana Diaz, Flowco by @
            - sampled
            """;

        var draft = Draft(markdown);
        var plan = Import(draft, markdown);

        Assert.Equal(
            ["Tuning queues at scale", "Migrating our clusters", "Building a status page: Acme Works", "Admission checks", "Cutting network costs",
                "Release notes from the field", "Flow logs without agents"],
            draft.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Title));
        // The affiliation the catalog lacks is proposed for the user to confirm, not stored as it is.
        Assert.Equal([("Jane Roe", "jroe_ex", null)], SpeakersOf(plan, "Tuning queues at scale"));
        Assert.Contains("{ slug: examplesoft, name: Examplesoft, kind: company }", draft.Yaml, StringComparison.Ordinal);
        Assert.Equal([("Ken Abe", null, null)], SpeakersOf(plan, "Migrating our clusters"));
        // The role noted in brackets is neither the company nor the title.
        Assert.Contains("{ slug: nimbus-labs, name: Nimbus Labs, kind: company }", draft.Yaml, StringComparison.Ordinal);
        Assert.Equal([("@solo_ex", "solo_ex", null)], SpeakersOf(plan, "Building a status page: Acme Works"));
        // A bracket that names a company the catalog knows gives that company; a company named like its product is the company.
        Assert.Equal([("Max", null, "google")], SpeakersOf(plan, "Admission checks"));
        Assert.Equal([("Lee Park", null, "datadog-inc")], SpeakersOf(plan, "Cutting network costs"));
        Assert.Equal(["Mira Ode", "Tom Vale"], SpeakersOf(plan, "Release notes from the field").Select(s => s.Name));
        // Notes taken in a hurry leave "by @" with no handle: the name before it is still the speaker's.
        Assert.Equal([("Ana Diaz", null, null)], SpeakersOf(plan, "Flow logs without agents"));
        // Their names and companies are no technologies the catalog lacks.
        Assert.DoesNotContain(draft.Candidates, c => c.Text is "Jane Roe" or "Examplesoft" or "Nimbus Labs" or "Lee Park" or "Tom Vale");
    }

    [Fact]
    public void A_speaker_named_with_an_honorific_in_Japanese_prose_or_linked_with_their_name_in_kanji_is_one_person()
    {
        const string markdown = """
            # Example Cloud Meetup 参加レポート

            ## クラスタ移行の話
            Jane Roeさん、Ken AbeさんによるKubernetesクラスタ移行の発表。

            - 移行は段階的に

            ## 監視基盤の作り直し by Taro Yamada
            [Taro Yamada(山田 太郎) @ブースB-3(@tyamada_ex)さん | Twitter](https://twitter.com/tyamada_ex)

            - Prometheusに寄せた
            """;

        var draft = Draft(markdown);
        var plan = Import(draft, markdown);

        Assert.Equal([("Jane Roe", null, null), ("Ken Abe", null, null)], SpeakersOf(plan, "クラスタ移行の話"));
        Assert.Equal([("Taro Yamada", "tyamada_ex", null)], SpeakersOf(plan, "監視基盤の作り直し"));
        Assert.Single(plan.Catalog.People, p => p.Name.StartsWith("Taro Yamada", StringComparison.Ordinal));
    }

    [Fact]
    public void A_talk_with_one_sub_heading_stays_a_talk_and_a_lunch_break_with_headings_holds_no_talks()
    {
        const string markdown = """
            # Example Cloud Meetup notes

            ## Custom resources beyond add-ons - Jane Roe, Examplesoft
            - CRDs for everything
            - even for runtime settings

            ##### Lately
            - more of it

            ## 昼休み

            ### お弁当
            - おいしかった

            ### 会場の準備
            - 椅子を並べ替えた

            ## Queues at scale - Ken Abe, Examplesoft
            - batching
            """;

        var draft = Draft(markdown);

        Assert.Equal(["Custom resources beyond add-ons", "Queues at scale"], draft.Headings.Where(h => h.Kind == SectionKind.Talk).Select(h => h.Title));
        Assert.Null(draft.Headings.Single(h => h.Heading == "Lately").Kind); // kept in its talk
        Assert.All(draft.Headings.Where(h => h.Line >= 10 && h.Line < 18), h => Assert.Equal(SectionKind.Other, h.Kind));
        var plan = Import(draft, markdown);
        Assert.Equal(2, plan.Catalog.Talks.Count(t => t.Document == "post-shapes-test-notes"));
    }

    [Fact]
    public void A_name_run_together_with_a_word_a_given_name_file_names_and_shouted_words_are_no_near_misses_or_candidates()
    {
        const string markdown = """
            # Example Cloud Meetup notes

            ## Kubernetes and friends
            - Kubernetes and more, said Marko
            - ![novelty.webp](novelty.webp "the goods")
            - stages: SANDBOX, INCUBATING
            - the DB and the API behind it
            - Open Policy Agnet checks manifests
            - two CRDs and a CNI
            """;

        var draft = Draft(markdown);

        Assert.DoesNotContain(draft.NearMisses, n => n.Text.StartsWith("Kubernetes", StringComparison.Ordinal) || n.Text == "Marko");
        // A name of several words misspelt is still offered.
        Assert.Contains(draft.NearMisses, n => n.Text == "Open Policy Agnet" && n.Technology == "open-policy-agent");
        // So is a known acronym in the plural, and it is no term the catalog lacks.
        Assert.Contains(draft.NearMisses, n => n.Text == "CRDs" && n.Technology == "crd");
        Assert.DoesNotContain(draft.Candidates, c => c.Text == "CRDs");
        Assert.DoesNotContain(draft.Candidates, c => c.Text is "novelty.webp" or "SANDBOX" or "INCUBATING" or "DB" or "API");
    }
}
