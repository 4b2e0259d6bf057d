using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Matching;

/// <summary>A text form to look for, and what it stands for.</summary>
public sealed record MatchForm(string Text, string Target, bool CaseSensitive);

/// <summary>One occurrence of a form in a line: a 0-based start and a length in UTF-16 code units.</summary>
public sealed record FormMatch(int Start, int Length, MatchForm Form);

/// <summary>
/// Finds technology names in text. An ASCII letter or digit at either end of a form must not touch another
/// ASCII letter or digit in the text (word boundaries for "k8s", "overlay" vs "overlay2"), nor a hyphen that joins
/// it to one ("docker-compose" names neither Docker nor Compose unless a form spells the compound), while Japanese
/// text around a form does not block it, since Japanese has no spaces between words. ASCII forms match regardless
/// of case unless marked case-sensitive. Where matches overlap, the longer wins ("Docker Swarm" over "Docker").
/// Nothing inside an address is matched (see <see cref="UrlSpans"/>).
/// </summary>
public sealed class AliasMatcher
{
    private readonly Dictionary<char, MatchForm[]> _byFirstChar;

    public AliasMatcher(IEnumerable<MatchForm> forms) =>
        _byFirstChar = forms
            .Where(f => f.Text.Length > 0)
            .GroupBy(f => Fold(f.Text[0]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Text.Length).ToArray());

    public IReadOnlyList<FormMatch> Find(string text)
    {
        var candidates = new List<FormMatch>();
        var addresses = UrlSpans.Find(text);
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            while (next < addresses.Count && addresses[next].End <= i) next++;
            var limit = next < addresses.Count ? addresses[next].Start : text.Length;
            if (i >= limit)
            {
                i = addresses[next].End - 1;
                continue;
            }
            if (!_byFirstChar.TryGetValue(Fold(text[i]), out var forms)) continue;
            if (IsWordChar(text[i]) && JoinedBefore(text, i)) continue;
            foreach (var form in forms)
            {
                if (Matches(text, i, limit, form)) candidates.Add(new FormMatch(i, form.Text.Length, form));
            }
        }
        if (candidates.Count <= 1) return candidates;

        // Longest first; among equals, the earliest, then the first-declared form. A character taken by one match
        // is not available to another.
        candidates.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        var taken = new List<FormMatch>();
        var covered = new bool[text.Length];
        foreach (var candidate in candidates)
        {
            if (Array.IndexOf(covered, true, candidate.Start, candidate.Length) >= 0) continue;
            Array.Fill(covered, true, candidate.Start, candidate.Length);
            taken.Add(candidate);
        }
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static bool Matches(string text, int start, int limit, MatchForm form)
    {
        var end = start + form.Text.Length;
        if (end > limit) return false;
        var comparison = form.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Compare(text, start, form.Text, 0, form.Text.Length, comparison) != 0) return false;
        return !(IsWordChar(form.Text[^1]) && JoinedAfter(text, end));
    }

    /// <summary>Whether the text before <paramref name="at"/> continues a word: a letter or digit, or one joined by a hyphen.</summary>
    private static bool JoinedBefore(string text, int at) =>
        at > 0 && (IsWordChar(text[at - 1]) || (text[at - 1] == '-' && at > 1 && IsWordChar(text[at - 2])));

    /// <summary>Whether the text from <paramref name="at"/> continues a word: a letter or digit, or a hyphen joining one.</summary>
    private static bool JoinedAfter(string text, int at) =>
        at < text.Length && (IsWordChar(text[at]) || (text[at] == '-' && at + 1 < text.Length && IsWordChar(text[at + 1])));

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static char Fold(char c) => char.ToLowerInvariant(c);
}
