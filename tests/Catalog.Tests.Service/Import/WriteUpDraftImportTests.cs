using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Api.Auth;
using Catalog.Ingest.Drafting;
using Catalog.Tests.Hardening;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Catalog.Tests.Infrastructure.WriteUps;

namespace Catalog.Tests.Import;

/// <summary>
/// A conference write-up taken the way a new user takes it: drafted by the service, only the event's name and date
/// filled in, imported through <c>importNotes</c>, and read back through GraphQL; its talk-technology pairs measured
/// against a careful reader's (<c>WriteUps/cloud-native-example-day.key.tsv</c>).
/// </summary>
public sealed class WriteUpDraftImportTests(CatalogApiFixture api, ITestOutputHelper output) : IClassFixture<CatalogApiFixture>
{
    private const string NotesPath = "notes/cloud-native-example-day.md";

    /// <summary>The speakers the post links under each talk: title → (name, handle, profile page).</summary>
    private static readonly Dictionary<string, (string Name, string Handle, string? Profile)> Speakers = new()
    {
        ["マルチテナントクラスタの運用一年目"] = ("山田 太郎", "taro_yamada_ex", "https://twitter.com/taro_yamada_ex"),
        ["eBPFで見るクラスタのネットワーク"] = ("Hanako Suzuki", "hsuzuki_ex", "https://github.com/hsuzuki_ex"),
        ["社内プラットフォームの作り方"] = ("Kenji Ito", "kenji_ito_ex", "https://twitter.com/kenji_ito_ex"),
        ["オブザーバビリティ基盤の作り直し"] = ("Yuki Tanaka", "ytanaka_ex", "https://github.com/ytanaka_ex"),
        ["サービスメッシュを外した話"] = ("中村 花子", "hanako_nakamura_ex", "https://twitter.com/hanako_nakamura_ex"),
        ["イベント駆動とサーバーレス"] = ("Keiko Mori", "kmori_ex", "https://github.com/kmori_ex"),
        ["コンテナランタイムの選び方"] = ("小林 誠", "makoto_kobayashi_ex", null),
        ["サプライチェーンのセキュリティ"] = ("Aiko Watanabe", "aiko_w_ex", "https://github.com/aiko_w_ex"),
        ["マネージドサービスの比較"] = ("Daisuke Kato", "dkato_ex", "https://twitter.com/dkato_ex"),
        ["LT: WebAssemblyをクラスタで動かす"] = ("Sho Yoshida", "sho_yoshida_ex", "https://x.com/sho_yoshida_ex"),
    };

    /// <summary>The time slot and track each heading writes beside its title.</summary>
    private static readonly Dictionary<string, (string Time, string? Track)> Slots = new()
    {
        ["マルチテナントクラスタの運用一年目"] = ("10:00 - 10:30", null),
        ["eBPFで見るクラスタのネットワーク"] = ("10:40〜11:10", null),
        ["社内プラットフォームの作り方"] = ("11:20 - 11:50", "A-3"),
        ["オブザーバビリティ基盤の作り直し"] = ("13:00 - 13:30", "Room A"),
        ["サービスメッシュを外した話"] = ("13:40〜14:10", "B-2"),
        ["イベント駆動とサーバーレス"] = ("14:20 - 14:50", null),
        ["コンテナランタイムの選び方"] = ("15:00 - 15:30", null),
        ["サプライチェーンのセキュリティ"] = ("15:40 - 16:10", "#8"),
        ["マネージドサービスの比較"] = ("16:20 - 16:50", null),
        ["LT: WebAssemblyをクラスタで動かす"] = ("17:00 - 17:30", null),
    };

    /// <summary>
    /// The least pair recall and precision the draft reaches with only the event filled in. The bar the project sets is
    /// 0.85 and 0.95; precision stays below it while names inside longer names ("Example Monitor On-Prem", "Acme Service
    /// Mesh Gateway", "k8s Meetup Example") still link as the shorter known term.
    /// </summary>
    private const double LeastRecall = 0.85;
    private const double LeastPrecision = 0.95;

    [Fact]
    public async Task The_example_day_drafted_and_imported_with_only_the_event_filled_in_has_its_talks_speakers_and_pairs()
    {
        var draft = (await api.DataAsync(
            "query($path: String!, $content: String!) { draftNotes(path: $path, content: $content) { yaml catalogPath headings { kind slug title time track } } }",
            new { path = NotesPath, content = ExampleDay }))["draftNotes"]!;
        var yaml = FillInEvent((string)draft["yaml"]!, "Cloud Native Example Day 2026", "2026-11-28");
        var key = await api.Services.GetRequiredService<ApiKeys>().CreateAsync("example-day-tests");
        var imported = await Attack.PostAsync(api.Client,
            "mutation($input: ImportNotesInput!) { importNotes(input: $input) { changed } }",
            new { input = new { files = new object[] { new { path = NotesPath, content = ExampleDay }, new { path = (string)draft["catalogPath"]!, content = yaml } } } },
            [(ApiKeys.Header, key)]);
        Assert.True(imported.Json?["errors"] is null, imported.Json?.ToJsonString());

        var talks = new List<JsonNode>();
        foreach (var heading in draft["headings"]!.AsArray().Where(h => (string?)h!["kind"] == "TALK"))
        {
            var talk = (await api.DataAsync("""
                query($slug: String!) { talk(slug: $slug) {
                  title time track speakers { name handle profileUrl } organizations { name } technologies { slug } } }
                """, new { slug = (string)heading!["slug"]! }))["talk"];
            Assert.NotNull(talk);
            talks.Add(talk);
        }

        // Ten talks, titled without their time slots, the slot and track kept beside the title.
        Assert.Equal(ExampleDayPairs.Keys, talks.Select(t => (string)t["title"]!));
        Assert.Equal(Slots.Keys.Select(t => Slots[t]), talks.Select(t => ((string)t["time"]!, (string?)t["track"])));
        // Each talk's speaker, as the post names them, with the handle and the profile page it links.
        Assert.Equal(
            Speakers.Keys.Select(t => Speakers[t]),
            talks.Select(t => Assert.Single(t["speakers"]!.AsArray())!).Select(s => ((string)s["name"]!, (string)s["handle"]!, (string?)s["profileUrl"])));
        // No talk has a social or publishing site for an organisation (nor any organisation: the post names only its own).
        Assert.All(talks, t => Assert.Empty(t["organizations"]!.AsArray()));
        Assert.DoesNotContain("twitter", yaml.Split("\ntalks:")[1], StringComparison.OrdinalIgnoreCase);

        var found = talks.SelectMany(t => t["technologies"]!.AsArray().Select(x => ((string)t["title"]!, (string)x!["slug"]!))).ToHashSet();
        var expected = ExampleDayPairs.SelectMany(p => p.Value.Select(slug => (p.Key, slug))).ToHashSet();
        var right = found.Intersect(expected).Count();
        var recall = (double)right / expected.Count;
        var precision = found.Count == 0 ? 0 : (double)right / found.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs: {expected.Count} expected, {found.Count} linked, {right} right; recall {recall:0.000}, precision {precision:0.000}"));
        foreach (var missed in expected.Except(found)) output.WriteLine($"missed: {missed.Item1} → {missed.Item2}");
        foreach (var wrong in found.Except(expected)) output.WriteLine($"wrong:  {wrong.Item1} → {wrong.Item2}");
        Assert.True(recall >= LeastRecall, $"Pair recall {recall:0.000} is under {LeastRecall}.");
        Assert.True(precision >= LeastPrecision, $"Pair precision {precision:0.000} is under {LeastPrecision}.");
    }

    [Fact]
    public async Task Every_technology_of_the_answer_key_is_one_the_catalog_holds()
    {
        // A slug the catalog lacks would count as a miss whatever the draft does: the key would be wrong, not the draft.
        foreach (var slug in ExampleDayPairs.Values.SelectMany(s => s).Distinct())
        {
            var technology = (await api.DataAsync("query($s: String!) { technology(slug: $s) { slug } }", new { s = slug }))["technology"];
            Assert.True(technology is not null && (string?)technology["slug"] == slug, $"The catalog has no technology '{slug}'.");
        }
        Assert.Equal(10, ExampleDayPairs.Count);
        Assert.Equal(Speakers.Keys, ExampleDayPairs.Keys);
    }
}
