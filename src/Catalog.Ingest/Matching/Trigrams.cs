namespace Catalog.Ingest.Matching;

/// <summary>
/// Trigram similarity as PostgreSQL's pg_trgm defines it: a text's words (runs of letters and digits) are each padded
/// with two spaces before and one after, and cut into every run of three characters; two texts are as similar as the
/// share of trigrams they have in common (common / all distinct). Word similarity compares the first text with the
/// most similar run of consecutive trigrams of the second, so a typo of one word in a longer text still scores high.
/// </summary>
public static class Trigrams
{
    /// <summary>Each trigram packed in one number (three UTF-16 units).</summary>
    public static ulong Pack(char a, char b, char c) => ((ulong)a << 32) | ((ulong)b << 16) | c;

    /// <summary>The trigrams of <paramref name="text"/> in order, word after word (duplicates kept).</summary>
    public static List<ulong> Sequence(string text)
    {
        var trigrams = new List<ulong>(text.Length + 4);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            if (inWord || start < 0) continue;
            // The padded word: "  w o r d ".
            var length = i - start;
            char At(int k) => k < 2 ? ' ' : k - 2 < length ? text[start + k - 2] : ' ';
            for (var k = 0; k + 2 < length + 3; k++) trigrams.Add(Pack(At(k), At(k + 1), At(k + 2)));
            start = -1;
        }
        return trigrams;
    }

    /// <summary>The distinct trigrams of <paramref name="text"/>, sorted.</summary>
    public static ulong[] Set(string text) => [.. Sequence(text).Distinct().Order()];

    /// <summary>Common trigrams over all distinct trigrams of two sorted sets.</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        var common = Common(a, b);
        var all = a.Length + b.Length - common;
        return all == 0 ? 0 : (double)common / all;
    }

    /// <summary>
    /// The greatest similarity between the query's trigram set and the set of any run of consecutive trigrams of the
    /// text's sequence.
    /// </summary>
    public static double WordSimilarity(ulong[] query, List<ulong> text)
    {
        if (query.Length == 0) return 0;
        var best = 0.0;
        var run = new HashSet<ulong>();
        for (var start = 0; start < text.Count; start++)
        {
            // A run is only worth starting on a trigram the query has.
            if (Array.BinarySearch(query, text[start]) < 0) continue;
            run.Clear();
            var common = 0;
            for (var end = start; end < text.Count; end++)
            {
                if (!run.Add(text[end])) continue;
                if (Array.BinarySearch(query, text[end]) >= 0) common++;
                var similarity = (double)common / (query.Length + run.Count - common);
                if (similarity > best) best = similarity;
            }
        }
        return best;
    }

    private static int Common(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common;
    }
}
