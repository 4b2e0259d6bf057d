using System.Text.RegularExpressions;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// A speaker as a line of a write-up names them: the name as written (without honorific, handle or site label), the
/// handle, the profile page linked, the affiliation written beside the name, and where on the line it all is.
/// </summary>
internal sealed record SpeakerMention(string Name, string? Handle, string? Profile, string? Affiliation, int Start, int End);

/// <summary>
/// Finds speakers in the shapes posts write them under a talk's heading (or in it):
/// <c>[NAME（@handle）さん / Twitter](https://twitter.com/handle)</c>, <c>[NAME (@handle)](https://github.com/handle)</c>,
/// <c>[NAME](https://x.com/handle)</c>, <c>[NAME@Company](profile)</c>, <c>[NAME](profile)（Company）</c> and, without a
/// link, <c>NAME（@handle）さん</c> and a name of capitalised words with an honorific, <c>Jane Doeさん</c>. A link counts
/// when it points at a profile page on a social or publishing site or its
/// text gives an @handle; a link to a deck, a video or a post does not.
/// </summary>
internal static partial class SpeakerLinks
{
    public static List<SpeakerMention> Find(string line)
    {
        var found = new List<SpeakerMention>();
        if (line.IndexOfAny(['[', '@']) < 0) return Honoured(line, found);
        var links = new List<(int Start, int End)>();
        foreach (Match link in MarkdownLink().Matches(line))
        {
            links.Add((link.Index, link.Index + link.Length));
            var profile = SocialSites.Profile(link.Groups["url"].Value);
            var text = Parse(link.Groups["text"].Value);
            if (profile is null && text.Handle is null) continue;
            var handle = text.Handle ?? profile!.Handle;
            var end = link.Index + link.Length;
            var affiliation = text.Affiliation;
            if (affiliation is null && After().Match(line, end) is { Success: true } after)
            {
                affiliation = Affiliation(after.Groups["affiliation"].Value);
                if (affiliation is not null) end = after.Index + after.Length;
            }
            found.Add(new SpeakerMention(text.Name ?? "@" + handle, handle, profile is null ? null : link.Groups["url"].Value.Trim(), affiliation, link.Index, end));
        }
        foreach (Match plain in PlainSpeaker().Matches(line))
        {
            if (links.Any(l => l.Start < plain.Index + plain.Length && plain.Index < l.End)) continue;
            var name = plain.Groups["name"].Value.Trim();
            var handle = plain.Groups["handle"].Value;
            var end = plain.Index + plain.Length;
            string? affiliation = null;
            if (After().Match(line, end) is { Success: true } after && Affiliation(after.Groups["affiliation"].Value) is { } written)
            {
                affiliation = written;
                end = after.Index + after.Length;
            }
            found.Add(new SpeakerMention(name, handle, null, affiliation, plain.Index, end));
        }
        return Honoured(line, found);
    }

    /// <summary>
    /// The speakers found, and the names of two or three capitalised words written with an honorific in Japanese
    /// prose ("Jane Doeさんによる発表") that none of them covers, in line order.
    /// </summary>
    private static List<SpeakerMention> Honoured(string line, List<SpeakerMention> found)
    {
        foreach (Match honoured in HonouredName().Matches(line))
        {
            if (found.Any(f => f.Start < honoured.Index + honoured.Length && honoured.Index < f.End)) continue;
            found.Add(new SpeakerMention(honoured.Groups["name"].Value, null, null, null, honoured.Index, honoured.Index + honoured.Length));
        }
        return [.. found.OrderBy(s => s.Start)];
    }

    /// <summary>The parts of a link's text: "山田 太郎（@taro）さん / Twitter", "Jiro Sato@Example Corp", "@taro".</summary>
    private static (string? Name, string? Handle, string? Affiliation) Parse(string text)
    {
        text = SiteLabel().Replace(text.Trim(), "").Trim();
        string? handle = null;
        if (HandleInBrackets().Match(text) is { Success: true } bracketed)
        {
            handle = bracketed.Groups["handle"].Value;
            text = (text[..bracketed.Index] + text[(bracketed.Index + bracketed.Length)..]).Trim();
        }
        else if (OnlyHandle().Match(text) is { Success: true } only)
        {
            return (null, only.Groups["handle"].Value, null);
        }
        text = Honorific().Replace(text, "").Trim();
        // "Taro Yamada(山田 太郎) @BoothB-3": a display name with the name in Japanese beside it, then a status; the name is the first part.
        if (NameWithReading().Match(text) is { Success: true } reading) text = reading.Groups["name"].Value;
        string? affiliation = null;
        // "Name@Company": an @ written right after the name, not one that starts a word (a handle).
        if (AtCompany().Match(text) is { Success: true } at)
        {
            affiliation = Affiliation(at.Groups["affiliation"].Value);
            text = at.Groups["name"].Value.Trim();
        }
        else if (CompanyInBrackets().Match(text) is { Success: true } company && company.Index > 0)
        {
            affiliation = Affiliation(company.Groups["affiliation"].Value);
            text = text[..company.Index].Trim();
        }
        text = Honorific().Replace(text, "").Trim();
        return (text.Length == 0 || SocialSites.IsSite(text) || NotAName().IsMatch(text) ? null : text, handle, affiliation);
    }

    /// <summary>An affiliation as written, or null when it is a site, a handle or nothing.</summary>
    private static string? Affiliation(string text)
    {
        text = Honorific().Replace(text.Trim(), "").Trim().TrimEnd('、', ',', '。', '.').Trim();
        return text.Length is 0 or > 80 || text.StartsWith('@') || SocialSites.IsSite(text) || text.Contains("://", StringComparison.Ordinal) ? null : text;
    }

    /// <summary>A Markdown link that is not an image: <c>[text](url)</c>.</summary>
    [GeneratedRegex(@"(?<!!)\[(?<text>[^\[\]]+)\]\((?<url>[^()\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MarkdownLink();

    /// <summary>What follows a speaker: an honorific, then "（Company）" or "@Company".</summary>
    [GeneratedRegex(@"\G\s*(?:さん|氏|様|さま)?\s*(?:[(（](?<affiliation>[^()（）@]{1,80})[)）]|@(?<affiliation>[^\s@、,。()（）\[\]][^@、,。()（）\[\]]{0,79}))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex After();

    /// <summary>"NAME（@handle）さん" in text: one to four words of a name (capitalised Latin, or kanji and katakana), then the handle in brackets.</summary>
    [GeneratedRegex(@"(?<name>(?:[A-Z][\p{L}\p{M}'.-]*|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}々ー・]+)(?:[ \u3000](?:[A-Z][\p{L}\p{M}'.-]*|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}\p{IsHiragana}々ー・]+)){0,3})\s*(?:さん|氏|様)?\s*[(（]\s*@(?<handle>[A-Za-z0-9_]{1,39})\s*[)）](?:\s*(?:さん|氏|様))?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PlainSpeaker();

    /// <summary>The site a link's text names after the person: "/ Twitter", "| GitHub", "- X", "(Twitter)".</summary>
    [GeneratedRegex(@"\s*(?:[/|｜／\-–—]\s*|[(（]\s*)(?:Twitter|X|GitHub|GitLab|Speaker ?Deck|SlideShare|YouTube|Docswell|connpass|Qiita|Zenn|note|Medium|Facebook|LinkedIn|Bluesky|Instagram)\s*[)）]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SiteLabel();

    [GeneratedRegex(@"\s*[(（]\s*@(?<handle>[A-Za-z0-9_]{1,39})\s*[)）]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HandleInBrackets();

    [GeneratedRegex(@"^@(?<handle>[A-Za-z0-9_]{1,39})\s*(?:さん|氏|様)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex OnlyHandle();

    [GeneratedRegex(@"^(?<name>.*[^\s@])@(?<affiliation>[^\s@].*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AtCompany();

    [GeneratedRegex(@"\s*[(（](?<affiliation>[^()（）@]{1,80})[)）]\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CompanyInBrackets();

    [GeneratedRegex(@"(?<![A-Za-z\u00C0-\u024F'.-])(?<name>[A-Z][A-Za-z\u00C0-\u024F'.-]+(?: [A-Z][A-Za-z\u00C0-\u024F'.-]+){1,2})(?:さん|氏)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HonouredName();

    [GeneratedRegex(@"^(?<name>[A-Z][\p{L}'.-]*(?:\s+[A-Z][\p{L}'.-]*){1,3})\s*[(（][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}々ー\s\u3000]+[)）]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NameWithReading();

    [GeneratedRegex(@"\s*(?:さん|氏|様|さま|くん)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Honorific();

    /// <summary>Link texts that are no one's name: the page itself.</summary>
    [GeneratedRegex(@"^(?:スライド|資料|登壇資料|発表資料|動画|アーカイブ|プロフィール|slides?|deck|video|profile|link|here|ここ|こちら)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NotAName();
}
