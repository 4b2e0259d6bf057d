namespace Catalog.Api.Import;

/// <summary>A heading of a notes file and the lines it covers (its own line included).</summary>
public sealed record NotesSection(string? Heading, int Level, int StartLine, int EndLine);

/// <summary>A notes file split into lines and sections.</summary>
public sealed record NotesDocument(string File, IReadOnlyList<string> Lines, IReadOnlyList<NotesSection> Sections)
{
    /// <summary>The text of a 1-based line.</summary>
    public string Line(int number) => Lines[number - 1];
}

/// <summary>
/// Splits Markdown notes at their ATX headings (<c>#</c> to <c>######</c>): each heading starts a section that
/// runs to the next heading, and the lines before the first heading form the preamble.
/// </summary>
public static class NotesParser
{
    public static NotesDocument Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];

        var sections = new List<NotesSection>();
        string? heading = null;
        int level = 0, start = 1;
        var inFence = false;
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence || HeadingOf(line) is not var (lineLevel, title)) continue;
            if (number > start || heading is not null) sections.Add(new NotesSection(heading, level, start, number - 1));
            (heading, level, start) = (title, lineLevel, number);
        }
        if (lines.Length >= start) sections.Add(new NotesSection(heading, level, start, lines.Length));
        return new NotesDocument(file, lines, sections);
    }

    private static (int Level, string Title)? HeadingOf(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#') level++;
        if (level is 0 or > 6 || level >= line.Length || line[level] != ' ') return null;
        var title = line[(level + 1)..].Trim().TrimEnd('#').Trim();
        return title.Length == 0 ? null : (level, title);
    }
}
