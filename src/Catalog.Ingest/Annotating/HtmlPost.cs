using System.Text;
using System.Text.RegularExpressions;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Annotating;

/// <summary>
/// An HTML post (a fragment or a whole page) for annotating. The linker reads the text with every tag, comment and the
/// content of <c>script</c>, <c>style</c>, <c>textarea</c> and <c>title</c> blanked out (same offsets, so decisions fall
/// on the text as written), except an address in <c>href</c> (evidence of a homepage) and the backticks that an inline
/// <c>code</c> element stands for (evidence of code). No link goes inside a tag, or into the text of an element that is
/// code, a link, a heading (its anchor), a form control or a document's head.
/// </summary>
internal static partial class HtmlPost
{
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title" };

    private static readonly HashSet<string> Closed = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "code", "pre", "kbd", "samp", "var", "h1", "h2", "h3", "h4", "h5", "h6", "head", "button", "select",
        "option", "label", "svg", "math", "template", "dfn",
    };

    public static PostLines Read(string text)
    {
        var masked = text.ToCharArray();
        var shut = new bool[text.Length];
        var open = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var depth = 0;
        var codeOpen = -1;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] != '<')
            {
                shut[i] = depth > 0;
                i++;
                continue;
            }
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                i = Blank(text, masked, shut, i, End(text, "-->", i + 4));
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] is '!' or '?')
            {
                i = Blank(text, masked, shut, i, End(text, ">", i + 2));
                continue;
            }
            var tag = Tag().Match(text, i);
            if (!tag.Success)
            {
                // A '<' that opens no tag is text ("a < b").
                shut[i] = depth > 0;
                i++;
                continue;
            }
            var name = tag.Groups["name"].Value;
            var closing = tag.Groups["close"].Success;
            var end = Blank(text, masked, shut, i, i + tag.Length);
            if (tag.Groups["href"].Success)
            {
                var href = tag.Groups["href"];
                for (var k = href.Index; k < href.Index + href.Length; k++) masked[k] = text[k];
            }
            if (!closing && RawText.Contains(name))
            {
                var close = text.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                i = Blank(text, masked, shut, end, close < 0 ? text.Length : close);
                continue;
            }
            if (name.Equals("code", StringComparison.OrdinalIgnoreCase))
            {
                if (!closing) codeOpen = i;
                else if (codeOpen >= 0 && text.IndexOfAny(['\n', '\r', '`'], codeOpen, i - codeOpen) < 0)
                {
                    // <code>helm</code> reads as `helm`: code, as in Markdown.
                    masked[codeOpen] = '`';
                    masked[i] = '`';
                }
            }
            if (Closed.Contains(name) && !tag.Groups["self"].Success)
            {
                var count = open.GetValueOrDefault(name);
                if (!closing) open[name] = count + 1;
                else if (count > 0) open[name] = count - 1;
                depth = open.Values.Sum();
            }
            i = end;
        }

        var bounds = PostLines.Bounds(text);
        var maskedText = new string(masked);
        var lines = bounds.Select(b => text.Substring(b.Start, b.Length)).ToList();
        var blocks = bounds.Select(b => maskedText.Substring(b.Start, b.Length)).ToList();
        var spans = bounds.Select(b => (IReadOnlyList<TextSpan>)Runs(shut, b.Start, b.Length)).ToList();
        return new PostLines(lines, blocks, new bool[lines.Count], spans);
    }

    /// <summary>Blanks [from, to) for the linker (line breaks kept, so lines stay lines) and shuts it to links; returns <paramref name="to"/>.</summary>
    private static int Blank(string text, char[] masked, bool[] shut, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            shut[k] = true;
            if (text[k] is not ('\n' or '\r')) masked[k] = ' ';
        }
        return to;
    }

    private static int End(string text, string closer, int from)
    {
        var at = text.IndexOf(closer, from, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + closer.Length;
    }

    private static List<TextSpan> Runs(bool[] shut, int start, int length)
    {
        var runs = new List<TextSpan>();
        for (var k = 0; k < length; k++)
        {
            if (!shut[start + k]) continue;
            var from = k;
            while (k < length && shut[start + k]) k++;
            runs.Add(new TextSpan(from, k));
        }
        return runs;
    }

    public static string Link(string text, string? url, string? title)
    {
        var titled = title is null ? "" : $" title=\"{Html.Attribute(title)}\"";
        if (url is null) return title is null ? text : $"<abbr{titled}>{text}</abbr>";
        return $"<a href=\"{Html.Attribute(url)}\"{titled}>{text}</a>";
    }

    public static string Glossary(IReadOnlyList<AnnotatedTerm> terms, GlossaryLabels labels, string lang)
    {
        var section = new StringBuilder();
        section.Append("<section class=\"glossary\" lang=\"").Append(lang).Append("\">\n<h2>").Append(Html.Text(labels.Heading)).Append("</h2>\n<dl>\n");
        foreach (var term in terms)
        {
            var name = Html.Text(term.Name);
            section.Append("<dt>").Append(term.Url is null ? name : $"<a href=\"{Html.Attribute(term.Url)}\">{name}</a>").Append("</dt>\n");
            section.Append("<dd>").Append(Html.Text(term.Definition ?? ""));
            if (term.Composed) section.Append(" <small>").Append(Html.Text(labels.Open.Trim() + labels.Composed + labels.Close.Trim())).Append("</small>");
            section.Append("</dd>\n");
        }
        section.Append("</dl>\n</section>\n");
        return section.ToString();
    }

    /// <summary>Where the glossary goes: before a page's closing <c>&lt;/body&gt;</c>, else at the end.</summary>
    public static int GlossaryAt(string text)
    {
        var body = BodyEnd().Matches(text);
        return body.Count > 0 ? body[^1].Index : text.Length;
    }

    [GeneratedRegex(
        @"\G<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)(?:\s+(?:href\s*=\s*(?:""(?<href>[^""]*)""|'(?<href>[^']*)')|[^\s""'>/=]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'=<>`]+))?))*\s*(?<self>/)?>",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"</body\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BodyEnd();
}
