using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Tests.Infrastructure;
using static Catalog.Tests.Infrastructure.WriteUps;

namespace Catalog.Tests.Import;

/// <summary>
/// Speakers, time slots and tracks in a draft as posts write them: the speaker links under a talk's heading, the
/// schedule beside its title, and the sites that are never organisations.
/// </summary>
public sealed class SpeakersAndSlotsDraftTests
{
    private static readonly ImportPlan Seed = SeedLoader.Load(Seeds.Repository);
    private static readonly NotesVocabulary Vocabulary = NotesVocabulary.From(Seed);

    private static NotesDraft Draft(string markdown, NotesVocabulary? vocabulary = null, string path = "notes/speakers-test.md") =>
        NotesDrafter.Draft(path, markdown, vocabulary ?? Vocabulary);

    /// <summary>Loads the seed folder with a drafted document: the draft's catalog file (event filled in) and the notes.</summary>
    private static ImportPlan Import(NotesDraft draft, string markdown, Func<string, string>? edit = null) =>
        SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
            [new SeedFile(draft.NotesPath, markdown, true), new SeedFile(draft.CatalogPath, (edit ?? FillInEvent)(draft.Yaml), true)]));

    [Theory]
    [InlineData("10:00 - 10:30 Kubernetesの運用", "Kubernetesの運用", "10:00 - 10:30", null)]
    [InlineData("10:00〜10:30 マルチテナントの話", "マルチテナントの話", "10:00〜10:30", null)]
    [InlineData("13:00- Room A Cilium deep dive", "Cilium deep dive", "13:00-", "Room A")]
    [InlineData("10:40〜11:10 [B-2] Istio入門", "Istio入門", "10:40〜11:10", "B-2")]
    [InlineData("#3 Operators in Go", "Operators in Go", null, "#3")]
    [InlineData("セッション3: GitOpsの始め方", "GitOpsの始め方", null, "セッション3")]
    [InlineData("ルームA 監視の話", "監視の話", null, "ルームA")]
    [InlineData("Track B | Service mesh at scale", "Service mesh at scale", null, "Track B")]
    [InlineData("【14:00〜14:30】 eBPF入門", "eBPF入門", "14:00〜14:30", null)]
    [InlineData("Lazy image pulls (10:00-10:30)", "Lazy image pulls", "10:00-10:30", null)]
    [InlineData("Part #3 of the series", "Part #3 of the series", null, null)]
    [InlineData("C# in containers", "C# in containers", null, null)]
    [InlineData("Kubernetes 1.30 の新機能", "Kubernetes 1.30 の新機能", null, null)]
    [InlineData("10:00 - 10:30", "10:00 - 10:30", null, null)]
    public void A_headings_time_slot_and_track_are_split_from_its_title(string heading, string title, string? time, string? track)
    {
        Assert.Equal(new TalkHeadingParts(title, time, track), TalkHeading.Split(heading));
    }

    [Theory]
    [InlineData("[山田 太郎（@taro_yamada）さん / Twitter](https://twitter.com/taro_yamada)", "山田 太郎", "taro_yamada", "https://twitter.com/taro_yamada", null)]
    [InlineData("[Hanako Suzuki (@hsuzuki)](https://github.com/hsuzuki)", "Hanako Suzuki", "hsuzuki", "https://github.com/hsuzuki", null)]
    [InlineData("- 登壇: [Jiro Sato](https://x.com/jsato)", "Jiro Sato", "jsato", "https://x.com/jsato", null)]
    [InlineData("小林 誠（@mkobayashi）さん", "小林 誠", "mkobayashi", null, null)]
    [InlineData("Speaker: Taro Yamada (@tyamada)", "Taro Yamada", "tyamada", null, null)]
    [InlineData("[Keiko Mori@Nimbus Labs](https://github.com/kmori)", "Keiko Mori", "kmori", "https://github.com/kmori", "Nimbus Labs")]
    [InlineData("[Aiko Watanabe](https://github.com/aiko)（Example Security）", "Aiko Watanabe", "aiko", "https://github.com/aiko", "Example Security")]
    [InlineData("[佐藤さん](https://speakerdeck.com/sato_ex)", "佐藤", "sato_ex", "https://speakerdeck.com/sato_ex", null)]
    [InlineData("[@superb](https://twitter.com/superb)", "@superb", "superb", "https://twitter.com/superb", null)]
    [InlineData("[Twitter](https://twitter.com/mori_ex)", "@mori_ex", "mori_ex", "https://twitter.com/mori_ex", null)]
    public void A_speaker_is_read_from_the_shapes_posts_write(string line, string name, string handle, string? profile, string? affiliation)
    {
        var speaker = Assert.Single(SpeakerLinks.Find(line));

        Assert.Equal((name, handle, profile, affiliation), (speaker.Name, speaker.Handle, speaker.Profile, speaker.Affiliation));
    }

    [Theory]
    [InlineData("[スライド](https://speakerdeck.com/hsuzuki/ebpf-deep-dive)")]
    [InlineData("[告知](https://twitter.com/hsuzuki/status/1234567890)")]
    [InlineData("[Kubernetesのドキュメント](https://kubernetes.io/docs/home/)")]
    [InlineData("![写真](https://twitter.com/hsuzuki)")]
    [InlineData("メールは taro@example.org まで")]
    public void Links_to_decks_posts_and_pages_are_no_speakers(string line)
    {
        Assert.Empty(SpeakerLinks.Find(line));
    }

    [Fact]
    public void Linked_speakers_are_drafted_as_people_of_their_talks_with_the_slot_and_track_apart_from_the_title()
    {
        const string markdown =
            "# Example Day 参加メモ\n\n" +
            "## 10:00 - 10:30 Kubernetesの運用を楽にする話\n\n[山田 太郎（@taro_yamada_ex）さん / Twitter](https://twitter.com/taro_yamada_ex)\n\n- Prometheusで監視\n\n" +
            "## 10:40〜11:10 [B-2] Istio in practice [Hanako Suzuki (@hsuzuki_ex)](https://github.com/hsuzuki_ex)\n\n- Envoyの話\n\n" +
            "## 13:00- Room A Cilium deep dive\n\n[Jiro Sato@Nimbus Labs](https://x.com/jsato_ex)\n\n- eBPF\n\n" +
            "## 14:00 - 14:30 Cilium deep dive, part two\n\n[Jiro Sato (@jsato_ex)](https://x.com/jsato_ex)\n\n- Hubbleの画面\n";

        var draft = Draft(markdown);

        var talks = draft.Headings.Where(h => h.Kind == SectionKind.Talk).ToList();
        Assert.Equal(
            [("Kubernetesの運用を楽にする話", "10:00 - 10:30", null), ("Istio in practice", "10:40〜11:10", "B-2"),
             ("Cilium deep dive", "13:00-", "Room A"), ("Cilium deep dive, part two", "14:00 - 14:30", null)],
            talks.Select(t => (t.Title, t.Time, t.Track)));
        // Slugs come from the titles, never from the time.
        Assert.Equal(["speakers-test-talk-1", "istio-in-practice", "cilium-deep-dive", "cilium-deep-dive-part-two"], talks.Select(t => t.Slug));
        // The people are entries, not comments, named as the post names them, and attached to their talks: the same
        // person under two talks is one person.
        Assert.Contains("\n  - { slug: taro-yamada-ex, name: 山田 太郎, handle: taro_yamada_ex, profile: \"https://twitter.com/taro_yamada_ex\" }", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("\n  - { slug: hanako-suzuki, name: Hanako Suzuki, handle: hsuzuki_ex, profile: \"https://github.com/hsuzuki_ex\" }", draft.Yaml, StringComparison.Ordinal);
        Assert.Single(draft.Yaml.Split('\n'), l => l.StartsWith("  - { slug: jiro-sato,", StringComparison.Ordinal));
        Assert.DoesNotContain("@taro_yamada_ex\"", draft.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Candidates, c => c.Text.Contains("Hanako", StringComparison.Ordinal) || c.Text.Contains("Jiro", StringComparison.Ordinal) || c.Text == "B-2");
        // The affiliation the catalog lacks is an organisation to confirm, not a silent guess.
        Assert.Contains("  # - { slug: nimbus-labs, name: Nimbus Labs, kind: company }", draft.Yaml, StringComparison.Ordinal);

        var plan = Import(draft, markdown);
        var imported = plan.Catalog.Talks.Where(t => t.Document == "speakers-test-notes").ToList();
        Assert.Equal(["taro-yamada-ex"], imported[0].Speakers.Select(s => s.Person));
        Assert.Equal(["hanako-suzuki"], imported[1].Speakers.Select(s => s.Person));
        Assert.Equal(["jiro-sato"], imported[2].Speakers.Select(s => s.Person));
        Assert.Equal(["jiro-sato"], imported[3].Speakers.Select(s => s.Person));
        Assert.Equal(("10:40〜11:10", "B-2"), (imported[1].Time, imported[1].Track));
        var taro = plan.Catalog.People.Single(p => p.Slug == "taro-yamada-ex");
        Assert.Equal(("山田 太郎", "taro_yamada_ex", "https://twitter.com/taro_yamada_ex"), (taro.Name, taro.Handle, taro.Profile));
        Assert.Empty(imported.SelectMany(t => t.Organizations));
    }

    [Fact]
    public void A_person_and_a_company_the_catalog_knows_are_reused_and_social_sites_are_never_organisations()
    {
        var vocabulary = Vocabulary with
        {
            People = [.. Vocabulary.People, new VocabularyPerson("known-speaker", "Known Speaker", "known_ex"), new VocabularyPerson("hana-example", "花 例子", null)],
            Organizations = [.. Vocabulary.Organizations, new VocabularyOrganization("nimbus-labs", "Nimbus Labs", ["Nimbus Labs", "ニンバス"])],
        };
        const string markdown =
            "# Notes\n\n" +
            "## 10:00 - 10:30 Operators in practice\n\n[Someone Else（@known_ex）さん / Twitter](https://twitter.com/known_ex)\n\n- Helm\n\n" +
            "## 11:00 - 11:30 Mesh less\n\n- ニンバスの[花 例子さん](https://x.com/hana_ex)\n- Istio\n\n" +
            "## 12:00 - 12:30 Tracing\n\n[Jiro Sato (Nimbus Labs)](https://github.com/jsato_ex) / Twitter\n\n- Jaeger\n";

        var draft = Draft(markdown, vocabulary);

        // Known by handle (whatever name the post gives) and by name: reused, not proposed again.
        Assert.Contains("      - { person: known-speaker }", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("      - { person: hana-example, organization: nimbus-labs }", draft.Yaml, StringComparison.Ordinal); // "Company の NAME さん"
        Assert.Contains("      - { person: jiro-sato, organization: nimbus-labs }", draft.Yaml, StringComparison.Ordinal); // "(Company)"
        Assert.DoesNotContain("slug: known-speaker", draft.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("slug: hana-example", draft.Yaml, StringComparison.Ordinal);
        // The catalog knows Twitter as a company; beside a speaker's link it is where they post, not whom they work for.
        Assert.Contains(Vocabulary.Organizations, o => o.Slug == "twitter");
        Assert.DoesNotContain("twitter]", draft.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("organization: twitter", draft.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\norganizations:", draft.Yaml, StringComparison.Ordinal); // nothing to propose

        var plan = SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
        [
            new SeedFile("notes/speakers-test.md", markdown, true),
            new SeedFile("catalog/speakers-test.yaml", FillInEvent(draft.Yaml), true),
            // What the vocabulary above knows, as the catalog would hold it.
            new SeedFile("catalog/speakers-test-known.yaml",
                "organizations:\n  - { slug: nimbus-labs, name: Nimbus Labs, kind: company, aliases: [ニンバス] }\n" +
                "people:\n  - { slug: known-speaker, name: Known Speaker, handle: known_ex }\n  - { slug: hana-example, name: 花 例子 }\n", true),
        ]));
        Assert.Equal(["known-speaker"], plan.Catalog.Talks.Single(t => t.Title == "Operators in practice").Speakers.Select(s => s.Person));
        Assert.Equal([("jiro-sato", "nimbus-labs")], plan.Catalog.Talks.Single(t => t.Title == "Tracing").Speakers.Select(s => (s.Person, s.Organization)));
    }

    [Fact]
    public void A_profile_that_is_no_web_address_and_an_overlong_time_slot_are_refused_at_their_lines()
    {
        var markdown = "# Notes\n\n## A talk\n\n- Istio\n";
        var catalog =
            "events:\n  - { slug: keys-test, name: Keys Test }\n" +
            "documents:\n  - { slug: keys-test-notes, file: notes/keys-test.md, title: Notes, language: en, event: keys-test, sections: [{ slug: introduction, heading: Notes, kind: introduction }] }\n" +
            "people:\n  - { slug: keys-test-person, name: Someone, profile: \"ftp://example.org/someone\" }\n" +
            $"talks:\n  - {{ slug: keys-test-talk, document: keys-test-notes, title: A talk, time: {new string('9', 101)}, track: Room A }}\n";

        var errors = Assert.Throws<SeedException>(() => SeedLoader.Load(SeedLoader.Merge(SeedLoader.ReadFolder(Seeds.Repository),
            [new SeedFile("notes/keys-test.md", markdown, true), new SeedFile("catalog/keys-test.yaml", catalog, true)]))).Errors;

        Assert.Equal([(6, "'profile' must be an absolute http(s) URL"), (8, "'time' has 101 characters; the limit is 100.")],
            errors.Select(e => (e.Line, e.Message.StartsWith("'profile'", StringComparison.Ordinal) ? e.Message[..41] : e.Message)));
        Assert.All(errors, e => Assert.Equal("catalog/keys-test.yaml", e.File));
    }

    [Fact]
    public void The_opening_comment_is_whole_however_long_the_paths()
    {
        var name = new string('k', 60);

        var draft = Draft("# Notes\n\n## A talk\n\n- Istio\n", path: $"notes/{name}.md");

        var opening = string.Join(" ", draft.Yaml.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l.TrimStart('#', ' ')));
        Assert.Contains($"drafted from notes/{name}.md by `notes draft`: import this file as {draft.CatalogPath} with the notes.", opening, StringComparison.Ordinal);
        Assert.DoesNotContain("…", opening, StringComparison.Ordinal);
        Assert.All(draft.Yaml.Split('\n').TakeWhile(l => l.StartsWith('#')), l => Assert.True(l.Length <= 130, l));
    }
}
