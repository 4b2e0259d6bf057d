using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>The pieces of text handling a draft needs: words, Japanese text, Markdown decoration, slugs.</summary>
internal static partial class DraftText
{
    /// <summary>Hiragana, katakana (full and half width), CJK ideographs and the iteration mark.</summary>
    public static bool IsJapanese(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uFF66' and <= '\uFF9F' or '\u3005' or '\u30FC';

    public static bool HasJapanese(string text) => text.Any(IsJapanese);

    /// <summary>The ASCII words of a line: a letter, then letters and digits, joined by single hyphens or dots.</summary>
    public static IEnumerable<TextSpan> Words(string line)
    {
        foreach (Match match in Word().Matches(line)) yield return new TextSpan(match.Index, match.Index + match.Length);
    }

    /// <summary>The parts of a line that hold no prose: addresses, HTML tags and inline code.</summary>
    public static List<TextSpan> Markup(string line)
    {
        var spans = new List<TextSpan>(UrlSpans.Find(line));
        if (line.Contains('<', StringComparison.Ordinal))
        {
            foreach (Match tag in HtmlTag().Matches(line)) spans.Add(new TextSpan(tag.Index, tag.Index + tag.Length));
        }
        if (line.Contains("f:id:", StringComparison.Ordinal))
        {
            foreach (Match image in HatenaImage().Matches(line)) spans.Add(new TextSpan(image.Index, image.Index + image.Length));
        }
        return spans;
    }

    /// <summary>The inline code spans of a line (<c>`kubectl`</c>), backticks excluded.</summary>
    public static IEnumerable<TextSpan> Code(string line)
    {
        if (!line.Contains('`', StringComparison.Ordinal)) yield break;
        foreach (Match code in InlineCode().Matches(line)) yield return new TextSpan(code.Groups[1].Index, code.Groups[1].Index + code.Groups[1].Length);
    }

    public static bool Overlaps(IEnumerable<TextSpan> spans, TextSpan span) => spans.Any(s => s.Start < span.End && span.Start < s.End);

    /// <summary>A heading as plain text: links by their text, no images, emphasis, code marks or HTML tags.</summary>
    public static string Plain(string heading)
    {
        var text = Image().Replace(heading, "");
        text = Link().Replace(text, "$1");
        text = HtmlTag().Replace(text, "");
        text = Emphasis().Replace(text, m => m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value);
        text = text.Replace("`", "", StringComparison.Ordinal);
        text = System.Net.WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    private static string Decomposed(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; it is no letter of a slug either.
            return string.Concat(text.Where(c => !char.IsSurrogate(c))).Normalize(NormalizationForm.FormKD);
        }
    }

    /// <summary>
    /// A slug made of a text's ASCII letters and digits (accents folded), words joined by hyphens, at most
    /// <paramref name="max"/> characters cut at a word; empty when the text has none.
    /// </summary>
    public static string Slugify(string text, int max = 60)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in Decomposed(text))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var slug = "";
        foreach (var word in folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = slug.Length == 0 ? word : slug + "-" + word;
            if (next.Length > max) return slug.Length > 0 ? slug : word[..max];
            slug = next;
        }
        return slug;
    }

    /// <summary>Text for a YAML comment: one line, no control characters, cut at <paramref name="max"/> characters.</summary>
    public static string Comment(string text, int max = 120)
    {
        var clean = new StringBuilder(Math.Min(text.Length, max + 1));
        foreach (var c in text) clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' ? ' ' : c);
        return clean.Length <= max ? clean.ToString() : Cut(clean.ToString(), max) + "…";
    }

    /// <summary>The first <paramref name="max"/> characters of a text, one fewer rather than half a surrogate pair.</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*(?![A-Za-z0-9_])", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>|<!--.*?(?:-->|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    /// <summary>Hatena blog's image notation: <c>[f:id:USER:20180420081943p:plain]</c>.</summary>
    [GeneratedRegex(@"\[?f:id:[^\s\]]+\]?", RegexOptions.CultureInvariant)]
    private static partial Regex HatenaImage();

    [GeneratedRegex(@"`+([^`]+)`+", RegexOptions.CultureInvariant)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // *a*, **a**, ~~a~~ anywhere; _a_ and __a__ only as whole words (snake_case names keep their underscores).
    [GeneratedRegex(@"(?<m>\*\*|\*|~~)(?<a>\S(?:.*?\S)?)\k<m>|(?<![A-Za-z0-9_])(?<u>__|_)(?<b>\S(?:.*?\S)?)\k<u>(?![A-Za-z0-9_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
