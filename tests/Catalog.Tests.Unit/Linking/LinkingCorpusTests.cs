using System.Globalization;
using Catalog.Ingest.Import;
using Catalog.Ingest.Linking;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Linking;

/// <summary>
/// The linking decision measured on the labelled corpus (tests/corpus/linking): every document is decided as a whole,
/// with the whole catalog (seed and landscape), and each labelled occurrence compared with what it should link to.
/// </summary>
public sealed class LinkingCorpusTests(ITestOutputHelper output)
{
    private sealed record Row(string File, string Id, string Document, string Text, int Start, int Length, string Surface, string Expected, string Note);

    private static readonly string[] Files = ["everyday", "technical", "unambiguous"];
    private static readonly ImportPlan Plan = SeedLoader.Load(SeedLoader.ReadFolder(Seeds.Repository));
    private static readonly Linker Linker = new(PlanVocabulary.From(Plan.Catalog, Plan.Aliases));

    [Fact]
    public void Everyday_senses_rarely_link_and_technical_senses_mostly_do()
    {
        var rows = Files.SelectMany(Read).ToList();
        var links = new Dictionary<(string Text, int Start, int Length), string>();
        foreach (var document in rows.GroupBy(r => r.Document))
        {
            var texts = document.Select(r => r.Text).Distinct().ToList();
            foreach (var link in Linker.Decide(texts)) links[(texts[link.Block], link.Start, link.Length)] = link.Slug;
        }

        string? LinkOf(Row row)
        {
            if (links.TryGetValue((row.Text, row.Start, row.Length), out var slug)) return slug;
            if (row.File == "everyday") return null;
            // A technical row is also met by a longer name around it that goes to the same technology ("Argo" in "Argo Workflows").
            return links.Where(l => l.Key.Text == row.Text && l.Key.Start <= row.Start && row.Start + row.Length <= l.Key.Start + l.Key.Length)
                .Select(l => l.Value).FirstOrDefault();
        }

        var everyday = rows.Where(r => r.File == "everyday").ToList();
        var falseLinks = everyday.Where(r => LinkOf(r) is not null).ToList();
        var technical = rows.Where(r => r.File == "technical").ToList();
        var technicalMissed = technical.Where(r => LinkOf(r) != r.Expected).ToList();
        var unambiguous = rows.Where(r => r.File == "unambiguous").ToList();
        var unambiguousMissed = unambiguous.Where(r => LinkOf(r) != r.Expected).ToList();

        double Share(int part, int whole) => 100.0 * part / whole;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"everyday occurrences linked: {falseLinks.Count} of {everyday.Count} ({Share(falseLinks.Count, everyday.Count):0.0}%)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"technical occurrences linked right: {technical.Count - technicalMissed.Count} of {technical.Count} ({Share(technical.Count - technicalMissed.Count, technical.Count):0.0}%)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"unambiguous occurrences linked right: {unambiguous.Count - unambiguousMissed.Count} of {unambiguous.Count} ({Share(unambiguous.Count - unambiguousMissed.Count, unambiguous.Count):0.0}%)"));
        foreach (var row in falseLinks) output.WriteLine($"false link  {row.Id} '{row.Surface}' → {LinkOf(row)}: {row.Text}");
        foreach (var row in technicalMissed.Concat(unambiguousMissed))
            output.WriteLine($"missed      {row.Id} '{row.Surface}' ({row.Note}) → {LinkOf(row) ?? "-"} for {row.Expected}: {row.Text}");

        Assert.True(Share(falseLinks.Count, everyday.Count) <= 1.0, $"{falseLinks.Count} everyday occurrences linked");
        Assert.True(Share(technical.Count - technicalMissed.Count, technical.Count) >= 85.0, $"{technicalMissed.Count} technical occurrences missed");
        Assert.True(Share(unambiguous.Count - unambiguousMissed.Count, unambiguous.Count) >= 95.0, $"{unambiguousMissed.Count} unambiguous occurrences missed");
    }

    private static IEnumerable<Row> Read(string file)
    {
        var path = Path.Combine(Seeds.Repository, "..", "tests", "corpus", "linking", file + ".tsv");
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            yield return new Row(file, f[0], f[2], f[3], int.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture), f[6], f[7], f.Length > 8 ? f[8] : "");
        }
    }
}
