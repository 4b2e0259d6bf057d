using System.Globalization;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Import;
using Catalog.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Catalog.Tests.Import;

/// <summary>
/// The draft's near-miss rule measured on the labelled corpus in <c>tests/corpus/near-misses/</c>: misspellings of the
/// catalog's names that must be offered as their technology, and near-words that must not be offered at all.
/// </summary>
public sealed class NearMissCorpusTests(ITestOutputHelper output)
{
    private static readonly NotesVocabulary Vocabulary = NotesVocabulary.From(SeedLoader.Load(Seeds.Repository));

    private static readonly string Corpus = Path.GetFullPath(Path.Combine(Seeds.Repository, "..", "tests", "corpus", "near-misses"));

    /// <summary>A corpus row: the text as a post writes it, and the technology it misspells ("-" for none).</summary>
    private sealed record Row(string Id, string Text, string Expected, string Pattern);

    private static List<Row> Read(string file) =>
        File.ReadLines(Path.Combine(Corpus, file)).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')).Select(c => new Row(c[0], c[1], c[2], c[3])).ToList();

    private static readonly List<Row> Typos = Read("typos.tsv");
    private static readonly List<Row> NearWords = Read("near-words.tsv");

    /// <summary>What a rule makes of the corpus: each row drafted as a line of its own.</summary>
    private static (double Precision, double Recall, List<(Row Row, string? Offered)> Wrong) Measure(NearMissRule rule)
    {
        var scanner = new DraftScanner(Vocabulary, rule);
        int offered = 0, right = 0;
        var wrong = new List<(Row, string?)>();
        foreach (var row in Typos.Concat(NearWords))
        {
            var miss = scanner.Scan(row.Text, 1, verbatim: false).NearMisses.FirstOrDefault(n => n.Text == row.Text);
            if (miss is not null) offered++;
            if (miss is not null && miss.Technology == row.Expected) right++;
            else if (miss is not null || row.Expected != "-") wrong.Add((row, miss?.Technology));
        }
        return (offered == 0 ? 0 : (double)right / offered, (double)right / Typos.Count, wrong);
    }

    [Fact]
    public void The_corpus_has_150_rows_of_each_kind_and_its_misspellings_are_no_form_of_the_catalog()
    {
        Assert.True(Typos.Count >= 150 && NearWords.Count >= 150, $"{Typos.Count} typos, {NearWords.Count} near-words");
        var forms = Vocabulary.Technologies.SelectMany(t => t.Forms.Select(f => (t.Slug, f.Text))).ToList();
        var slugs = Vocabulary.Technologies.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        Assert.All(Typos, r => Assert.Contains(r.Expected, slugs));
        // A misspelling is no form of its technology in any case, unless its technology links only as written.
        Assert.All(Typos.Where(r => r.Pattern != "wrong-case"), r => Assert.DoesNotContain(forms, f => string.Equals(f.Text, r.Text, StringComparison.OrdinalIgnoreCase)));
        Assert.All(NearWords, r => Assert.DoesNotContain(forms, f => string.Equals(f.Text, r.Text, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(Typos.Count + NearWords.Count, Typos.Concat(NearWords).Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void The_chosen_rule_offers_misspellings_with_a_precision_of_at_least_0_9_on_the_corpus()
    {
        // The rules tried, the one before the corpus first; the chosen one last.
        var rules = new (string Name, NearMissRule Rule)[]
        {
            ("before: 0.5, 1 edit (2 from 8 letters)", NearMissRule.Before),
            ("0.5, 1 edit (2 from 8), no dictionary words", NearMissRule.Before with { SkipDictionaryWords = true }),
            ("0.4, 1 edit (2 from 9), no dictionary words, same first letter, 5 letters", NearMissRule.Chosen with { MinSimilarity = 0.4, TwoEditSimilarity = 0 }),
            ("0.3, 1 edit (2 from 9), no dictionary words, same first letter, 5 letters", NearMissRule.Chosen with { MinSimilarity = 0.3, TwoEditSimilarity = 0 }),
            ("0.2, 1 edit (2 from 9), dictionary words too, same first letter, 5 letters", NearMissRule.Chosen with { SkipDictionaryWords = false, TwoEditSimilarity = 0 }),
            ("0.2, 1 edit (2 from 9), no dictionary words, any first letter, 5 letters", NearMissRule.Chosen with { SameFirstLetter = false, TwoEditSimilarity = 0 }),
            ("0.2, 1 edit (2 from 9), no dictionary words, same first letter, 5 letters", NearMissRule.Chosen with { TwoEditSimilarity = 0 }),
            ("0.2, 1 edit (2 from 8 at 0.5), no dictionary words, same first letter, 5 letters", NearMissRule.Chosen with { LongFrom = 8 }),
            ("chosen: 0.2, 1 edit (2 from 9 at 0.5), no dictionary words, same first letter, 5 letters", NearMissRule.Chosen),
        };
        output.WriteLine($"{Typos.Count} misspellings, {NearWords.Count} near-words");
        foreach (var (name, rule) in rules)
        {
            var (precision, recall, _) = Measure(rule);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000}  recall {recall:0.000}  {name}"));
        }
        var (chosenPrecision, chosenRecall, wrong) = Measure(NearMissRule.Chosen);
        foreach (var (row, offered) in wrong) output.WriteLine($"  {row.Id} {row.Pattern} \"{row.Text}\": expected {row.Expected}, offered {offered ?? "nothing"}");
        Assert.True(chosenPrecision >= 0.9, $"precision {chosenPrecision:0.000}");
        // Most misspellings are still offered: a rule that offers nothing would be precise and useless.
        Assert.True(chosenRecall >= 0.75, $"recall {chosenRecall:0.000}");
    }
}
