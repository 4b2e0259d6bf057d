using System.Text;
using System.Text.RegularExpressions;
using Catalog.Ingest.Drafting;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Annotating;

/// <summary>
/// A Markdown post for annotating, read with the notes grammar (<see cref="NotesParser"/>: headings, code fences, raw HTML
/// blocks; <see cref="UrlSpans"/>: addresses). Closed to links: front matter, headings (a link would change the anchor a
/// platform makes from the heading's text), code fences and indented code, raw HTML blocks, link reference definitions.
/// Within a line: inline code, every bracketed span with its target (links, images, footnotes: a link inside a link is no
/// link), HTML tags and the text of <c>a</c>, <c>code</c>, <c>abbr</c> and similar elements, and addresses.
/// </summary>
internal static partial class MarkdownPost
{
    public static PostLines Read(string text)
    {
        var lines = NotesParser.SplitLines(text);
        var verbatim = NotesParser.VerbatimLines(lines);
        var closed = new bool[lines.Count];
        var blocks = new string[lines.Count];
        var frontMatter = FrontMatterEnd(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            blocks[i] = line;
            if (i <= frontMatter)
            {
                closed[i] = true;
                blocks[i] = "";
            }
            else if (verbatim[i])
            {
                closed[i] = true;
                // Code is read as code: names in it are evidence for the same names in the prose.
                blocks[i] = line.Contains('`', StringComparison.Ordinal) || line.Trim().Length == 0 ? "" : "`" + line + "`";
            }
            else if (NotesParser.HeadingOf(line) is not null || ReferenceDefinition().IsMatch(line)) closed[i] = true;
            else if (i + 1 < lines.Count && line.Trim().Length > 0 && !verbatim[i + 1] && SetextUnderline().IsMatch(lines[i + 1]))
            {
                closed[i] = closed[i + 1] = true;
            }
            else if (IndentedCode().IsMatch(line) && (i == 0 || lines[i - 1].Trim().Length == 0 || (closed[i - 1] && IndentedCode().IsMatch(lines[i - 1]))))
            {
                closed[i] = true;
                blocks[i] = line.Contains('`', StringComparison.Ordinal) ? "" : "`" + line + "`";
            }
        }
        var spans = lines.Select((line, i) => closed[i] ? (IReadOnlyList<TextSpan>)[] : Protected(line)).ToList();
        return new PostLines(lines, blocks, closed, spans);
    }

    /// <summary>The last line of a YAML (<c>---</c>) or TOML (<c>+++</c>) front matter, or -1.</summary>
    private static int FrontMatterEnd(List<string> lines)
    {
        if (lines.Count == 0 || lines[0].TrimEnd() is not ("---" or "+++")) return -1;
        var open = lines[0].TrimEnd();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == open || (open == "---" && line == "...")) return i;
        }
        return -1;
    }

    private static List<TextSpan> Protected(string line)
    {
        var spans = DraftText.Markup(line);
        spans.AddRange(CodeSpans(line));
        spans.AddRange(Brackets(line));
        if (line.Contains('<', StringComparison.Ordinal))
        {
            foreach (Match element in InlineElement().Matches(line)) spans.Add(new TextSpan(element.Index, element.Index + element.Length));
        }
        return spans;
    }

    /// <summary>Inline code: a run of backticks up to the next run of the same length (CommonMark's code spans).</summary>
    private static IEnumerable<TextSpan> CodeSpans(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '`' || (i > 0 && line[i - 1] == '\\')) continue;
            var run = Run(line, i);
            var close = i + run;
            while (close < line.Length)
            {
                if (line[close] == '`')
                {
                    var other = Run(line, close);
                    if (other == run) break;
                    close += other;
                }
                else close++;
            }
            if (close >= line.Length)
            {
                i += run - 1;
                continue;
            }
            yield return new TextSpan(i, close + run);
            i = close + run - 1;
        }

        static int Run(string line, int at)
        {
            var end = at;
            while (end < line.Length && line[end] == '`') end++;
            return end - at;
        }
    }

    /// <summary>Every bracketed span with the target or label after it: <c>[text](url)</c>, <c>![alt](src)</c>, <c>[text][id]</c>, <c>[^1]</c>.</summary>
    private static IEnumerable<TextSpan> Brackets(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] != '[' || (i > 0 && line[i - 1] == '\\')) continue;
            var close = Matching(line, i, '[', ']');
            if (close < 0) continue;
            var end = close + 1;
            if (end < line.Length && line[end] is '(' or '[')
            {
                var target = Matching(line, end, line[end], line[end] == '(' ? ')' : ']');
                if (target >= 0) end = target + 1;
            }
            yield return new TextSpan(i > 0 && line[i - 1] == '!' ? i - 1 : i, end);
            i = end - 1;
        }
    }

    private static int Matching(string line, int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < line.Length; i++)
        {
            if (line[i] == '\\') i++;
            else if (line[i] == opening) depth++;
            else if (line[i] == closing && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>A link to the glossary: <c>[text](url "title")</c>, or <c>&lt;abbr title&gt;</c> without an address.</summary>
    public static string Link(string text, string? url, string? title)
    {
        if (url is null) return title is null ? text : $"<abbr title=\"{Html.Attribute(title)}\">{text}</abbr>";
        return title is null ? $"[{text}]({Destination(url)})" : $"[{text}]({Destination(url)} \"{Title(title)}\")";
    }

    /// <summary>The glossary section: a heading and a list of names (linked when there is an address) and definitions.</summary>
    public static string Glossary(IReadOnlyList<AnnotatedTerm> terms, GlossaryLabels labels)
    {
        var section = new StringBuilder();
        section.Append("## ").Append(labels.Heading).Append("\n\n");
        foreach (var term in terms)
        {
            var name = Escape(term.Name);
            section.Append("- ").Append(term.Url is null ? $"**{name}**" : $"[{name}]({Destination(term.Url)})");
            if (term.Definition is not null) section.Append(labels.Separator).Append(Escape(term.Definition));
            if (term.Composed) section.Append(labels.Open).Append(Escape(labels.Composed)).Append(labels.Close);
            section.Append('\n');
        }
        return section.ToString();
    }

    /// <summary>Whether a name as written in the post can be a link's text: no brackets, backticks, tags or escapes to unbalance.</summary>
    public static bool CanBeLinkText(string text) => text.IndexOfAny(['[', ']', '`', '<', '>', '\\', '\n', '\r']) < 0;

    /// <summary>Text with every character Markdown could read as syntax escaped (CommonMark escapes any ASCII punctuation).</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '~' or '#' or '!') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    // A destination never holds white space, angle brackets or parentheses unescaped: percent-encoded, it reads the same.
    private static string Destination(string url)
    {
        var encoded = new StringBuilder(url.Length);
        foreach (var c in url)
        {
            if (c is ' ' or '(' or ')' or '<' or '>' or '"' or '\\' or '`' || char.IsControl(c)) encoded.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else encoded.Append(c);
        }
        return encoded.ToString();
    }

    private static string Title(string title)
    {
        var escaped = new StringBuilder(title.Length + 8);
        foreach (var c in OneLine(title))
        {
            if (c is '\\' or '"' or '&' or '|') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string OneLine(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^(?: {4}|\t)", RegexOptions.CultureInvariant)]
    private static partial Regex IndentedCode();

    // The element's text too; an element left open on the line keeps the rest of the line.
    [GeneratedRegex(@"<(a|abbr|code|kbd|samp|var|script|style|button)\b[^>]*>(?:.*?</\1\s*>|.*$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex InlineElement();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
