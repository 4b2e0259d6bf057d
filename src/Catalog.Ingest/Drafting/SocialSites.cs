using System.Collections.Frozen;

namespace Catalog.Ingest.Drafting;

/// <summary>A person's page on a social or publishing site, read from its address.</summary>
internal sealed record SocialProfile(string Site, string Handle);

/// <summary>
/// The social and publishing sites write-ups link speakers to (Twitter/X, GitHub, SpeakerDeck, Qiita ...). A site a
/// link points at says where a person publishes, never whom they work for: such a site is never a speaker's or a
/// talk's organisation in a draft, even when the catalog knows the company behind it.
/// </summary>
internal static class SocialSites
{
    /// <summary>The sites by the names posts write, compared without case, spaces, dots and hyphens.</summary>
    private static readonly FrozenSet<string> Names = new[]
    {
        "twitter", "x", "twitterx", "ツイッター", "github", "gitlab", "bitbucket", "speakerdeck", "slideshare", "youtube", "docswell",
        "connpass", "qiita", "zenn", "note", "notecom", "medium", "facebook", "フェイスブック", "linkedin", "hatena", "はてな", "はてなブログ",
        "hatenablog", "doorkeeper", "instagram", "bluesky", "bsky", "mastodon", "threads", "techplay", "peatix", "devto", "hashnode",
        "googleslides", "googleスライド", "vimeo", "niconico", "ニコニコ動画",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The hosts whose addresses name a person, with the path segments before the handle: <c>twitter.com/NAME</c>,
    /// <c>linkedin.com/in/NAME</c>, <c>medium.com/@NAME</c>. Any other path on these hosts (a post, a deck, a video) is no profile.
    /// </summary>
    private static readonly FrozenDictionary<string, (string Site, string Prefix)> Hosts = new Dictionary<string, (string, string)>
    {
        ["twitter.com"] = ("Twitter", ""),
        ["mobile.twitter.com"] = ("Twitter", ""),
        ["x.com"] = ("X", ""),
        ["github.com"] = ("GitHub", ""),
        ["gitlab.com"] = ("GitLab", ""),
        ["speakerdeck.com"] = ("Speaker Deck", ""),
        ["slideshare.net"] = ("SlideShare", ""),
        ["qiita.com"] = ("Qiita", ""),
        ["zenn.dev"] = ("Zenn", ""),
        ["note.com"] = ("note", ""),
        ["medium.com"] = ("Medium", ""),
        ["facebook.com"] = ("Facebook", ""),
        ["instagram.com"] = ("Instagram", ""),
        ["youtube.com"] = ("YouTube", ""),
        ["docswell.com"] = ("Docswell", "user/"),
        ["connpass.com"] = ("connpass", "user/"),
        ["linkedin.com"] = ("LinkedIn", "in/"),
        ["bsky.app"] = ("Bluesky", "profile/"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>First path segments that are a site's own pages, not people.</summary>
    private static readonly FrozenSet<string> Reserved = new[]
    {
        "i", "home", "search", "explore", "intent", "share", "hashtag", "settings", "login", "signup", "about", "orgs", "topics",
        "marketplace", "features", "watch", "channel", "c", "playlist", "events", "event", "tags", "articles", "books", "p",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a name (an organisation's, or a label beside a link) is one of these sites.</summary>
    public static bool IsSite(string name) => Names.Contains(Compact(name));

    /// <summary>The person an address is the profile of, or null when it is no profile page on a known site.</summary>
    public static SocialProfile? Profile(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        if (!Hosts.TryGetValue(host, out var site)) return null;
        var path = uri.AbsolutePath.Trim('/');
        if (!path.StartsWith(site.Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = path[site.Prefix.Length..];
        if (rest.Length == 0 || rest.Contains('/', StringComparison.Ordinal)) return null;
        var handle = rest.TrimStart('@');
        if (Reserved.Contains(handle) || !IsHandle(handle)) return null;
        return new SocialProfile(site.Site, handle);
    }

    /// <summary>A handle as the sites allow them: ASCII letters, digits, underscores, dots and hyphens, at most 39.</summary>
    public static bool IsHandle(string text) =>
        text.Length is > 0 and <= 39 && (char.IsAsciiLetterOrDigit(text[0]) || text[0] == '_')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    private static string Compact(string name)
    {
        var text = name.Trim();
        foreach (var suffix in (string[])[".com", ".jp", ".net", ".dev", ".io", ".app", ".to"])
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) text = text[..^suffix.Length];
        }
        return string.Concat(text.Where(c => c is not (' ' or '\u3000' or '.' or '-' or '_' or '/')));
    }
}
