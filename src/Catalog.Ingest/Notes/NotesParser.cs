namespace Catalog.Ingest.Notes;

/// <summary>A heading of a notes file and the lines it covers (its own line included).</summary>
public sealed record NotesSection(string? Heading, int Level, int StartLine, int EndLine);

/// <summary>A notes file split into lines and sections.</summary>
public sealed record NotesDocument(string File, IReadOnlyList<string> Lines, IReadOnlyList<NotesSection> Sections)
{
    /// <summary>The text of a 1-based line.</summary>
    public string Line(int number) => Lines[number - 1];
}

/// <summary>
/// Splits Markdown notes at their ATX headings (<c>#</c> to <c>######</c> and a space, indented by at most three
/// spaces): each heading starts a section that runs to the next heading, and the lines before the first heading
/// form the preamble. Lines inside code fences (<c>```</c>, <c>~~~</c>), HTML comments and raw <c>pre</c>,
/// <c>script</c>, <c>style</c> and <c>textarea</c> blocks are never headings. Lines end at LF, CRLF or CR; a byte
/// order mark is not text.
/// </summary>
public static class NotesParser
{
    private static readonly string[] RawBlocks = ["pre", "script", "style", "textarea"];

    public static NotesDocument Parse(string file, string text)
    {
        var lines = SplitLines(text);
        var sections = new List<NotesSection>();
        string? heading = null;
        int level = 0, start = 1;
        var block = new BlockState();
        for (var number = 1; number <= lines.Count; number++)
        {
            var line = lines[number - 1];
            if (block.Consumes(line) || HeadingOf(line) is not var (lineLevel, title)) continue;
            if (number > start || heading is not null) sections.Add(new NotesSection(heading, level, start, number - 1));
            (heading, level, start) = (title, lineLevel, number);
        }
        if (lines.Count >= start) sections.Add(new NotesSection(heading, level, start, lines.Count));
        return new NotesDocument(file, lines, sections);
    }

    /// <summary>
    /// For each line (0-based), whether it is verbatim text: inside a code fence, an HTML comment or a raw
    /// <c>pre</c>, <c>script</c>, <c>style</c> or <c>textarea</c> block.
    /// </summary>
    public static bool[] VerbatimLines(IReadOnlyList<string> lines)
    {
        var verbatim = new bool[lines.Count];
        var block = new BlockState();
        for (var i = 0; i < lines.Count; i++) verbatim[i] = block.Consumes(lines[i]);
        return verbatim;
    }

    /// <summary>The lines of a text, as the line numbers of an editor count them.</summary>
    public static List<string> SplitLines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = new List<string>();
        var begin = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r')) continue;
            lines.Add(text[begin..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            begin = i + 1;
        }
        if (begin < text.Length) lines.Add(text[begin..]);
        return lines;
    }

    /// <summary>The level and text of an ATX heading, or null.</summary>
    public static (int Level, string Title)? HeadingOf(string line)
    {
        var indent = 0;
        while (indent < line.Length && indent < 4 && line[indent] == ' ') indent++;
        if (indent > 3) return null;
        var level = 0;
        while (indent + level < line.Length && line[indent + level] == '#') level++;
        var after = indent + level;
        if (level is 0 or > 6 || after >= line.Length || line[after] is not (' ' or '\t')) return null;
        // Trimmed as the catalog's YAML values are, so that an entry's heading always equals the notes' heading.
        var title = line[after..].Trim();
        // A closing run of '#' counts only after a space: "## C#" is about C#.
        var closing = title.Length;
        while (closing > 0 && title[closing - 1] == '#') closing--;
        if (closing == 0) title = "";
        else if (closing < title.Length && char.IsWhiteSpace(title[closing - 1])) title = title[..closing].TrimEnd();
        return title.Length == 0 ? null : (level, title);
    }

    /// <summary>Tracks the blocks whose lines are never headings: code fences, HTML comments and raw HTML blocks.</summary>
    private sealed class BlockState
    {
        private string? _fence;
        private string? _closer;

        /// <summary>Whether the line belongs to such a block (opening and closing lines included).</summary>
        public bool Consumes(string line)
        {
            var trimmed = line.TrimStart(' ', '\t');
            if (_fence is not null)
            {
                if (trimmed.StartsWith(_fence, StringComparison.Ordinal) && trimmed.TrimEnd(' ', '\t').All(c => c == _fence[0])) _fence = null;
                return true;
            }
            if (_closer is not null)
            {
                if (line.Contains(_closer, StringComparison.OrdinalIgnoreCase)) _closer = null;
                return true;
            }
            if (Fence(trimmed) is { } fence)
            {
                _fence = fence;
                return true;
            }
            if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                if (trimmed.IndexOf("-->", 4, StringComparison.Ordinal) < 0) _closer = "-->";
                return true;
            }
            foreach (var tag in RawBlocks)
            {
                if (!trimmed.StartsWith("<" + tag, StringComparison.OrdinalIgnoreCase)) continue;
                var next = trimmed.Length > tag.Length + 1 ? trimmed[tag.Length + 1] : ' ';
                if (next is not (' ' or '\t' or '>')) continue;
                if (!trimmed.Contains("</" + tag + ">", StringComparison.OrdinalIgnoreCase)) _closer = "</" + tag + ">";
                return true;
            }
            return false;
        }

        private static string? Fence(string trimmed)
        {
            if (trimmed.Length < 3 || trimmed[0] is not ('`' or '~')) return null;
            var length = 0;
            while (length < trimmed.Length && trimmed[length] == trimmed[0]) length++;
            if (length < 3) return null;
            // A backtick fence's info string has no backtick (else it is inline code).
            if (trimmed[0] == '`' && trimmed.IndexOf('`', length) >= 0) return null;
            return trimmed[..length];
        }
    }
}
