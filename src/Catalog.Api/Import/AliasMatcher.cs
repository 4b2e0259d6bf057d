using System.Text.RegularExpressions;

namespace Catalog.Api.Import;

/// <summary>A text form to look for, and what it stands for.</summary>
public sealed record MatchForm(string Text, string Target, bool CaseSensitive);

/// <summary>One occurrence of a form in a line: a 0-based start and a length in UTF-16 code units.</summary>
public sealed record FormMatch(int Start, int Length, MatchForm Form);

/// <summary>
/// Finds technology names in text. An ASCII letter or digit at either end of a form must not touch another
/// ASCII letter or digit in the text (word boundaries for "k8s", "overlay" vs "overlay2"), while Japanese text
/// around a form does not block it, since Japanese has no spaces between words. ASCII forms match regardless of
/// case unless marked case-sensitive. Where matches overlap, the longer wins ("Docker Swarm" over "Docker").
/// Nothing inside a URL is matched.
/// </summary>
public sealed partial class AliasMatcher
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
        var urls = Url().Matches(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (urls.FirstOrDefault(u => i >= u.Index && i < u.Index + u.Length) is { } url)
            {
                i = url.Index + url.Length - 1;
                continue;
            }
            if (!_byFirstChar.TryGetValue(Fold(text[i]), out var forms)) continue;
            if (IsWordChar(text[i]) && i > 0 && IsWordChar(text[i - 1])) continue;
            foreach (var form in forms)
            {
                if (Matches(text, i, form)) candidates.Add(new FormMatch(i, form.Text.Length, form));
            }
        }
        if (candidates.Count <= 1) return candidates;

        // Longest first; among equals, the earliest, then the first-declared form.
        candidates.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Start.CompareTo(b.Start));
        var taken = new List<FormMatch>();
        foreach (var candidate in candidates)
        {
            if (!taken.Exists(t => candidate.Start < t.Start + t.Length && t.Start < candidate.Start + candidate.Length))
                taken.Add(candidate);
        }
        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        return taken;
    }

    private static bool Matches(string text, int start, MatchForm form)
    {
        var end = start + form.Text.Length;
        if (end > text.Length) return false;
        var comparison = form.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (string.Compare(text, start, form.Text, 0, form.Text.Length, comparison) != 0) return false;
        return !(IsWordChar(form.Text[^1]) && end < text.Length && IsWordChar(text[end]));
    }

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static char Fold(char c) => char.ToLowerInvariant(c);
}
