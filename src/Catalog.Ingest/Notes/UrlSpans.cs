using System.Text.RegularExpressions;

namespace Catalog.Ingest.Notes;

/// <summary>A part of a line that holds an address: [Start, End) in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int End);

/// <summary>
/// Finds the parts of a line of notes that are addresses rather than words, so that no name is matched inside them:
/// URLs with a scheme (<c>https://...</c>), protocol-relative ones (<c>//host/...</c>), <c>www.</c> links, a
/// domain with a path (<c>github.com/istio/istio</c>), Markdown link targets (<c>](...)</c>) and reference
/// definitions, autolinks (<c>&lt;...&gt;</c>) and the values of HTML attributes that hold an address
/// (<c>href</c>, <c>src</c>, ...), relative paths included.
/// </summary>
public static partial class UrlSpans
{
    /// <summary>The address spans of a line, sorted and merged.</summary>
    public static IReadOnlyList<TextSpan> Find(string line)
    {
        if (!MayHoldAddress(line)) return [];
        var spans = new List<TextSpan>();
        foreach (var pattern in Patterns)
        {
            foreach (Match match in pattern.Matches(line))
            {
                if (match.Length > 0) spans.Add(new TextSpan(match.Index, match.Index + match.Length));
            }
        }
        if (spans.Count <= 1) return spans;
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan> { spans[0] };
        foreach (var span in spans.Skip(1))
        {
            var last = merged[^1];
            if (span.Start <= last.End) merged[^1] = last with { End = Math.Max(last.End, span.End) };
            else merged.Add(span);
        }
        return merged;
    }

    /// <summary>
    /// The web addresses (<c>http://</c>, <c>https://</c>) of a line that a page may link, sorted: the <see cref="Find"/>
    /// grammar's scheme addresses, without the sentence punctuation or an unbalanced closing parenthesis after them.
    /// </summary>
    public static IReadOnlyList<TextSpan> WebAddresses(string line)
    {
        var addresses = new List<TextSpan>();
        foreach (Match match in WebAddress().Matches(line))
        {
            var end = match.Index + match.Length;
            while (end > match.Index && EndsOutside(line.AsSpan(match.Index, end - match.Index))) end--;
            if (end > match.Index) addresses.Add(new TextSpan(match.Index, end));
        }
        return addresses;
    }

    // Sentence punctuation after an address, or a closing parenthesis that no opening one inside the address matches.
    private static bool EndsOutside(ReadOnlySpan<char> address) => address[^1] switch
    {
        '.' or ',' or '!' or '?' or ':' or ';' or '[' or ']' => true,
        ')' => address.Count(')') > address.Count('('),
        _ => false,
    };

    // Every pattern below needs one of these; most lines of notes have none, and skip the regular expressions.
    private static bool MayHoldAddress(string line) =>
        line.Contains('/', StringComparison.Ordinal) || line.Contains('=', StringComparison.Ordinal)
        || line.Contains('<', StringComparison.Ordinal) || line.Contains(']', StringComparison.Ordinal)
        || line.Contains("www.", StringComparison.OrdinalIgnoreCase);

    private static readonly Regex[] Patterns =
        [Scheme(), ProtocolRelative(), Www(), DomainWithPath(), AddressAttribute(), MarkdownTarget(), ReferenceDefinition(), Autolink()];

    // An address runs over ASCII characters that may appear in a URL; white space, quotes, angle brackets, a
    // backslash and any non-ASCII character (Japanese text right after a URL) end it.
    private const string Body = @"[A-Za-z0-9!#$%&()*+,\-./:;=?@\[\]^_{|}~]";

    [GeneratedRegex(@"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,31}://" + Body + "*", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"(?<![A-Za-z0-9+.-])https?://" + Body + "+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"(?<![A-Za-z0-9+.\-:/])//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+" + Body + "*", RegexOptions.CultureInvariant)]
    private static partial Regex ProtocolRelative();

    [GeneratedRegex(@"(?<![A-Za-z0-9.@/-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+" + Body + "*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Www();

    // Lower-case top-level domains only: "ASP.NET/..." or "Node.js/..." are names, not hosts.
    [GeneratedRegex(
        @"(?<![A-Za-z0-9.@/-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:com|net|org|io|dev|jp|co|me|app|info|ai|cloud|sh|tech|blog|ly|gl|be|us|uk|de|fr|cn|kr|tw|in|edu|gov)/" + Body + "*",
        RegexOptions.CultureInvariant)]
    private static partial Regex DomainWithPath();

    [GeneratedRegex(
        @"(?<![A-Za-z0-9-])(?:href|src|srcset|data-src|action|poster|cite|data|formaction|xlink:href)\s*=\s*(?:""[^""]*""?|'[^']*'?|[^\s>]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AddressAttribute();

    [GeneratedRegex(@"\]\([^)]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownTarget();

    // The target of "[id]: target"; a footnote ("[^1]: text") is text.
    [GeneratedRegex(@"(?<=^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*)\S+", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex Autolink();
}
