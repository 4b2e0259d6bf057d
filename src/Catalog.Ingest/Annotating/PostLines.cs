using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Annotating;

/// <summary>
/// A post as the annotator reads it: its lines; what the linker reads of each line (at the same offsets, so that a
/// decision's span is the line's); and per line the spans no link may touch (code, links, tags, addresses) or the whole
/// line when it is closed (a heading, a code block, front matter).
/// </summary>
internal sealed record PostLines(
    IReadOnlyList<string> Lines,
    IReadOnlyList<string> Blocks,
    IReadOnlyList<bool> Closed,
    IReadOnlyList<IReadOnlyList<TextSpan>> Protected)
{
    /// <summary>Whether a link may replace the span [start, start + length) of a line.</summary>
    public bool MayLink(int line, int start, int length)
    {
        if (Closed[line]) return false;
        var end = start + length;
        return !Protected[line].Any(s => s.Start < end && start < s.End);
    }

    /// <summary>Line starts and lengths as <see cref="NotesParser.SplitLines"/> counts lines (LF, CRLF or CR).</summary>
    public static List<(int Start, int Length)> Bounds(string text)
    {
        var lines = new List<(int, int)>();
        var begin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add((begin, i - begin));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            begin = i + 1;
        }
        if (begin < text.Length) lines.Add((begin, text.Length - begin));
        return lines;
    }
}
