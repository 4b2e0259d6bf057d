namespace Catalog.Api.Notes.Drafting;

/// <summary>
/// Trigram similarity as PostgreSQL's pg_trgm computes it for the catalog's search (its typo tier): a text is
/// split into words of letters and digits, each lower-cased and padded with two spaces before and one after, and
/// two texts are as similar as the share of their trigram sets they have in common.
/// </summary>
public static class Trigrams
{
    /// <summary>The distinct trigrams of a text.</summary>
    public static HashSet<string> Of(string text)
    {
        var trigrams = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i == start) break;
            var padded = "  " + text[start..i].ToLowerInvariant() + " ";
            for (var j = 0; j + 3 <= padded.Length; j++) trigrams.Add(padded.Substring(j, 3));
        }
        return trigrams;
    }

    /// <summary>pg_trgm's <c>similarity(a, b)</c>: shared trigrams over all distinct trigrams of both, 0 to 1.</summary>
    public static double Similarity(string a, string b) => Similarity(Of(a), Of(b));

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>
    /// The edit distance between two texts with adjacent transpositions counted as one edit (optimal string
    /// alignment), ignoring case; stops counting past <paramref name="max"/> and then returns max + 1.
    /// </summary>
    public static int EditDistance(string a, string b, int max)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max) return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return Math.Min(previous[b.Length], max + 1);
    }
}
