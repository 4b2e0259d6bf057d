using Catalog.Ingest.Landscape;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// When a spelling that is no form of a known technology is offered as a misspelling of one. Spellings and forms are
/// compared compact (lower case, without spaces, hyphens, dots and underscores), so a name of several words is
/// compared whole: "Open Policy Agnet" against "Open Policy Agent", "AppEngine" against "App Engine".
/// The values of <see cref="Chosen"/> are measured on the labelled corpus in <c>tests/corpus/near-misses/</c>
/// (real typo patterns of the catalog's names against near-words that are not misspellings); its test prints the
/// precision and recall of each rule it tries.
/// </summary>
/// <param name="MinSimilarity">The least trigram similarity (pg_trgm's, as the search's typo tier computes it).</param>
/// <param name="MaxEditsShort">The most edits (optimal string alignment) to a form shorter than <paramref name="LongFrom"/>.</param>
/// <param name="MaxEditsLong">The most edits to a longer form.</param>
/// <param name="LongFrom">The compact length from which a form is long.</param>
/// <param name="SkipDictionaryWords">A word of the English dictionary is a word, never a misspelling ("contained", "locker").</param>
/// <param name="SameFirstLetter">A misspelling keeps the form's first letter (typing goes wrong inside a word).</param>
/// <param name="MinLength">The least compact length of a spelling: shorter ones are one edit from too much.</param>
/// <param name="TwoEditSimilarity">The least similarity of a spelling two edits away: two slips close together change
/// most of a word's trigrams ("Statefulbot" is no StatefulSet), two far apart few.</param>
public sealed record NearMissRule(
    double MinSimilarity, int MaxEditsShort, int MaxEditsLong, int LongFrom, bool SkipDictionaryWords, bool SameFirstLetter, int MinLength,
    double TwoEditSimilarity = 0)
{
    /// <summary>The rule before the corpus: 0.5 and one edit (two from 8 characters), any word of 4 characters or more.</summary>
    public static NearMissRule Before { get; } = new(0.5, 1, 2, 8, SkipDictionaryWords: false, SameFirstLetter: false, MinLength: 4);

    /// <summary>The rule the draft uses (precision and recall on the corpus: see the test that measures it).</summary>
    public static NearMissRule Chosen { get; } = new(0.2, 1, 2, 9, SkipDictionaryWords: true, SameFirstLetter: true, MinLength: 5, TwoEditSimilarity: 0.5);

    /// <summary>Whether a single word may be a misspelling at all: not an everyday word, long enough.</summary>
    public bool MayMisspell(string word, string compact) =>
        compact.Length >= MinLength && !CommonWords.Contains(word) && !(SkipDictionaryWords && EnglishWords.Contains(word));

    /// <summary>Whether a compact spelling at this similarity is a misspelling of the compact form.</summary>
    public bool Accepts(string compact, string form, double similarity)
    {
        if (compact == form) return true;
        if (similarity < MinSimilarity) return false;
        if (SameFirstLetter && compact[0] != form[0]) return false;
        var edits = form.Length >= LongFrom ? MaxEditsLong : MaxEditsShort;
        var distance = EditDistance.Of(compact, form, edits);
        return distance <= edits && (distance < 2 || similarity >= TwoEditSimilarity);
    }
}
