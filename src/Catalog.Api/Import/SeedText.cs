using System.Text;

namespace Catalog.Api.Import;

/// <summary>
/// What text the seed may hold: no NUL or other control character (tabs and line ends aside) and no lone
/// surrogate, which PostgreSQL or the UTF-8 encoding would refuse; and files of a bounded size and line length,
/// so that one file cannot make an import of unbounded cost.
/// </summary>
public static class SeedText
{
    /// <summary>The largest seed file (catalog YAML or notes), in UTF-8 bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>The longest line of a notes file, in characters: every mention keeps its whole line.</summary>
    public const int MaxLineLength = 10_000;

    /// <summary>The most headings a notes file may have: each is a talk or section to claim, store and link.</summary>
    public const int MaxHeadings = 1_000;

    /// <summary>
    /// The most mentions of known technologies one notes file may make. With <see cref="MaxHeadings"/> and
    /// <see cref="MaxFileBytes"/> it bounds what one write-up adds to an import, which then finishes in seconds.
    /// </summary>
    public const int MaxMentions = 10_000;

    /// <summary>What is wrong with a value, as the rest of a sentence ("... contains a NUL character."), or null.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Problem(text, i) is { } problem) return problem;
        }
        return null;
    }

    /// <summary>The problems of a whole file: its size, and per line any character it may not hold or an overlong line.</summary>
    public static IEnumerable<SeedError> Check(string path, string text, bool notes)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxFileBytes)
        {
            yield return new SeedError(path, 1, $"The file is {bytes:N0} bytes; a seed file is at most {MaxFileBytes:N0}.");
            yield break;
        }
        if (notes && TooManyHeadings(path, text) is { } headings) yield return headings;
        if (!MayHaveProblems(text, notes)) yield break;
        // Lines as NotesParser.SplitLines counts them (LF, CRLF or CR), without cutting the text into lines.
        var (line, start, reported) = (1, 0, false);
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                if (notes && i - start > MaxLineLength && !reported)
                    yield return new SeedError(path, line, $"The line has {i - start:N0} characters; a line of notes is at most {MaxLineLength:N0}.");
                if (i < text.Length && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                (line, start, reported) = (line + 1, i + 1, false);
                continue;
            }
            if (reported || Problem(text, i) is not { } problem) continue;
            var bom = line == 1 && start == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            yield return new SeedError(path, line, $"Column {i - start + 1 - bom} {problem}");
            reported = true;
        }
    }

    /// <summary>One error, at the first heading past <see cref="MaxHeadings"/>, when a notes file has more than that.</summary>
    private static SeedError? TooManyHeadings(string path, string text)
    {
        var sections = NotesParser.Parse(path, text).Sections;
        var headings = sections.Count(s => s.Heading is not null);
        if (headings <= MaxHeadings) return null;
        var first = sections.Where(s => s.Heading is not null).Skip(MaxHeadings).First();
        return new SeedError(path, first.StartLine,
            $"The notes have {headings:N0} headings; a notes file has at most {MaxHeadings:N0} (this is heading {MaxHeadings + 1:N0}). Split the write-up into several files.");
    }

    /// <summary>A quick look for anything <see cref="Check"/> reports: most files have none, and need no closer look.</summary>
    private static bool MayHaveProblems(string text, bool notes)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\0', '\u0008') >= 0 || span.IndexOfAnyInRange('\u000B', '\u000C') >= 0
            || span.IndexOfAnyInRange('\u000E', '\u001F') >= 0 || span.Contains('\u007F') || span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
            return true;
        if (!notes) return false;
        while (true)
        {
            var end = span.IndexOfAny('\n', '\r');
            if ((end < 0 ? span.Length : end) > MaxLineLength) return true;
            if (end < 0) return false;
            span = span[(end + 1)..];
        }
    }

    private static string? Problem(string text, int i)
    {
        var c = text[i];
        if (c == '\0') return "contains a NUL character.";
        if (char.IsHighSurrogate(c) && !(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            return "contains a lone surrogate (text that is not valid Unicode).";
        if (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(text[i - 1])))
            return "contains a lone surrogate (text that is not valid Unicode).";
        if (c is < ' ' and not ('\t' or '\n' or '\r') || c == '\u007F')
            return $"contains the control character U+{(int)c:X4}.";
        return null;
    }
}
