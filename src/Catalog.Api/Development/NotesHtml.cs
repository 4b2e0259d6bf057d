using System.Text;
using System.Text.RegularExpressions;
using Catalog.Ingest.Notes;

namespace Catalog.Api.Development;

/// <summary>
/// Renders the notes' Markdown subset as HTML: ATX headings, nested <c>-</c> lists, <c>&gt;</c> blockquotes, fenced
/// code, paragraphs (one line per line) and autolinked URLs. Headings and addresses are the notes' own grammar
/// (<see cref="NotesParser.HeadingOf"/>, <see cref="UrlSpans.WebAddresses"/>), the one the importer reads. Every piece of
/// text is escaped; nothing in the notes becomes markup except through these rules.
/// </summary>
public static partial class NotesHtml
{
    public static string Render(string markdown)
    {
        var html = new StringBuilder();
        var paragraph = new List<string>();
        var quote = new List<string>();
        var code = new List<string>();
        var lists = new Stack<int>(); // the indentation of each open <ul>
        var inFence = false;

        void CloseParagraph()
        {
            if (paragraph.Count > 0) html.Append("<p>").AppendJoin("<br>\n", paragraph.Select(Inline)).Append("</p>\n");
            paragraph.Clear();
        }
        void CloseQuote()
        {
            if (quote.Count > 0) html.Append("<blockquote><p>").AppendJoin("<br>\n", quote.Select(Inline)).Append("</p></blockquote>\n");
            quote.Clear();
        }
        void CloseLists()
        {
            while (lists.Count > 0) { html.Append("</li></ul>\n"); lists.Pop(); }
        }
        void CloseAll() { CloseParagraph(); CloseQuote(); CloseLists(); }

        foreach (var line in NotesParser.SplitLines(markdown))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (inFence)
                {
                    html.Append("<pre><code>").AppendJoin("\n", code.Select(Escape)).Append("</code></pre>\n");
                    code.Clear();
                }
                else
                {
                    CloseAll();
                }
                inFence = !inFence;
                continue;
            }
            if (inFence) { code.Add(line); continue; }
            if (trimmed.Length == 0) { CloseParagraph(); CloseQuote(); continue; }

            if (NotesParser.HeadingOf(line) is var (level, title))
            {
                CloseAll();
                html.Append(FormattableString.Invariant($"<h{level}>")).Append(Inline(title)).Append(FormattableString.Invariant($"</h{level}>\n"));
            }
            else if (ListItem().Match(line) is { Success: true } item)
            {
                CloseParagraph();
                CloseQuote();
                var indent = item.Groups[1].Length;
                while (lists.Count > 0 && indent < lists.Peek()) { html.Append("</li></ul>\n"); lists.Pop(); }
                if (lists.Count == 0 || indent > lists.Peek()) { html.Append("<ul>\n"); lists.Push(indent); }
                else html.Append("</li>\n");
                html.Append("<li>").Append(Inline(item.Groups[2].Value.TrimEnd()));
            }
            else if (trimmed.StartsWith('>'))
            {
                CloseParagraph();
                CloseLists();
                quote.Add(trimmed[1..].Trim());
            }
            else
            {
                CloseQuote();
                CloseLists();
                paragraph.Add(trimmed.TrimEnd());
            }
        }
        if (inFence) html.Append("<pre><code>").AppendJoin("\n", code.Select(Escape)).Append("</code></pre>\n");
        CloseAll();
        return html.ToString();
    }

    /// <summary>Escapes the text and turns bare http(s) URLs into links.</summary>
    public static string Inline(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (var url in UrlSpans.WebAddresses(text))
        {
            html.Append(Escape(text[at..url.Start]));
            var href = Escape(text[url.Start..url.End]);
            html.Append("<a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
            at = url.End;
        }
        return html.Append(Escape(text[at..])).ToString();
    }

    public static string Escape(string text)
    {
        var html = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return html.ToString();
    }

    [GeneratedRegex(@"^( *)[-*] +(.*)$")]
    private static partial Regex ListItem();
}
