using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Catalog.Ingest.Linking;

/// <summary>
/// The words a text is about, for comparing a document with a technology's definition (the gloss-overlap evidence of
/// <see cref="Linker"/>): English words of three letters or more (or two-letter acronyms) in lower case with plurals
/// folded, less the words that say nothing of a subject; Japanese runs of three katakana or two kanji.
/// </summary>
public static partial class SubjectTerms
{
    private static readonly FrozenSet<string> Empty = new[]
    {
        "the", "and", "for", "with", "from", "into", "over", "under", "about", "that", "this", "these", "those", "their",
        "its", "are", "was", "were", "been", "being", "can", "will", "just", "also", "more", "most", "very", "one", "two",
        "three", "all", "any", "each", "every", "other", "some", "such", "only", "own", "same", "than", "then", "when",
        "while", "after", "before", "which", "who", "what", "where", "how", "both", "few", "too", "use", "used", "uses",
        "using", "via", "like", "through", "across", "between", "within", "without", "per", "etc", "does", "did", "has",
        "have", "had", "having", "kept", "keeps", "gives", "give", "make", "makes", "made", "lets", "let", "run", "runs",
        "running", "way", "ways", "thing", "things", "part", "parts", "set", "sets", "work", "works", "written", "write",
        "writes", "based", "built", "build", "our", "you", "your", "they", "them", "there", "here", "out", "not", "but",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The English subject words of a text.</summary>
    public static HashSet<string> English(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in LatinWord().Matches(text))
        {
            var word = match.Value.Trim('-');
            var acronym = word.Length == 2 && word.All(char.IsAsciiLetterUpper);
            var lower = word.ToLowerInvariant();
            if ((lower.Length < 3 && !acronym) || Empty.Contains(lower)) continue;
            terms.Add(Fold(lower));
        }
        return terms;
    }

    /// <summary>The Japanese subject words of a text: katakana runs of three or more, kanji runs of two or more.</summary>
    public static HashSet<string> Japanese(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in JapaneseWord().Matches(text)) terms.Add(match.Value);
        return terms;
    }

    /// <summary>A plural folded to its singular, roughly: enough to meet "topics" with "topic".</summary>
    private static string Fold(string word)
    {
        if (word.Length > 5 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "y";
        if (word.Length > 5 && word.EndsWith("es", StringComparison.Ordinal) && word[^3] is 's' or 'x' or 'z') return word[..^2];
        if (word.Length > 4 && word[^1] == 's' && word[^2] != 's') return word[..^1];
        return word;
    }

    [GeneratedRegex("[A-Za-z][A-Za-z0-9+-]*")]
    private static partial Regex LatinWord();

    [GeneratedRegex("[\\u30A0-\\u30FF]{3,}|[\\u4E00-\\u9FFF]{2,}")]
    private static partial Regex JapaneseWord();
}
