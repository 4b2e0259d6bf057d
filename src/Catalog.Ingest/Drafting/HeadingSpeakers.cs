using System.Text.RegularExpressions;

namespace Catalog.Ingest.Drafting;

/// <summary>
/// Reads the speakers a talk's heading names after its title, in the shapes schedules and notes write them:
/// "Name, Company @handle", "Name / Company", "Name (Company)", "Name &amp; Name, Company", "@handle" alone. A note of
/// the speaker's role in brackets ("(gold sponsor)", "(chair)") says nothing of who they are, and is left out; a
/// bracket that names a company the catalog knows gives that company ("(Principal engineer at Example)").
/// </summary>
internal static partial class HeadingSpeakers
{
    /// <summary>A heading without a role note at its end: "Title by Name / Company (gold sponsor)" → "Title by Name / Company".</summary>
    public static string WithoutRole(string heading)
    {
        var stripped = Role().Replace(heading, "");
        return stripped.Trim().Length > 0 ? stripped.TrimEnd() : heading;
    }

    /// <summary>
    /// The speakers of a heading's tail, or none when its first part is no one's name.
    /// <paramref name="organizationIn"/> finds the name of a known organisation in a text, or null.
    /// </summary>
    public static List<SpeakerMention> Parse(string tail, Func<string, string?> organizationIn)
    {
        var found = new List<SpeakerMention>();
        var text = tail.Replace("`", "", StringComparison.Ordinal);
        // A tail cut before its closing bracket ("Tim (Engineer at Example") is closed again.
        if (text.Count(c => c is '(' or '（') > text.Count(c => c is ')' or '）')) text += ")";
        text = DanglingBy().Replace(WithoutRole(text), "").Trim();
        var handles = Handle().Matches(text).Select(m => m.Groups["handle"].Value).ToList();
        text = Handle().Replace(text, " ");
        text = TrailingBy().Replace(text, "").Trim();
        string? affiliation = null;
        foreach (Match bracket in Bracket().Matches(text))
        {
            var content = bracket.Groups["content"].Value.Trim();
            affiliation ??= organizationIn(content) ?? (CompanyWords().IsMatch(content) ? content : null);
        }
        text = Spaces().Replace(Bracket().Replace(text, " "), " ").Trim().Trim(',', '、').Trim();
        var parts = Separator().Split(text, 2);
        var names = parts[0].Trim();
        if (parts.Length > 1 && parts[1].Trim().Trim(',', '.').Length > 0) affiliation ??= parts[1].Trim().TrimEnd(',');
        var people = names.Length == 0 ? [] : NameJoiner().Split(names).Select(n => n.Trim()).ToList();
        if (people.Count > 0 && !people.All(p => Name().IsMatch(p))) return found;
        if (people.Count == 0)
        {
            if (handles.Count == 1) found.Add(new SpeakerMention("@" + handles[0], handles[0], null, affiliation, 0, 0));
            return found;
        }
        for (var i = 0; i < people.Count; i++)
        {
            // A handle written with one speaker is theirs; with several, whose it is cannot be told.
            var handle = people.Count == 1 && handles.Count == 1 ? handles[0] : null;
            found.Add(new SpeakerMention(people[i], handle, null, affiliation, 0, 0));
        }
        return found;
    }

    /// <summary>Whether a text is written like one or more people's names: "Jane Doe", "J Evans", "Marko Mudrinić & Jo Ng", "山田 太郎".</summary>
    public static bool IsNames(string text) => text.Length > 0 && NameJoiner().Split(text).All(n => Name().IsMatch(n.Trim()));

    private const string LatinWord = @"[A-Z][\p{L}\p{M}'’.-]*";

    /// <summary>One to four capitalised words, or a Japanese name of kanji and kana with or without a space.</summary>
    [GeneratedRegex(@"^(?:" + LatinWord + @"(?:\s+" + LatinWord + @"){0,3}|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}々ー]{1,6}(?:[ \u3000][\p{IsCJKUnifiedIdeographs}\p{IsKatakana}\p{IsHiragana}々ー]{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex(@"\s*(?:&|＆|、|\band\b|;)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NameJoiner();

    /// <summary>What parts a name from its company: a slash, or the first comma.</summary>
    [GeneratedRegex(@"\s*[/／|｜]\s*|\s*,\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"[(（](?<content>[^()（）]{1,80})[)）]", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Bracket();

    /// <summary>A bracket at the end that notes a role, not a company.</summary>
    [GeneratedRegex(@"\s*[(（][^()（）]*(?:sponsor|chair|speaker|organi[sz]er|host|moderator|\bMC\b|keynote|maintainer|committer|panel|スポンサー|登壇|主催|司会|運営|実行委員)[^()（）]*[)）]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Role();

    /// <summary>Words that say a bracket names a company: "(Example Inc.)", "(株式会社Example)".</summary>
    [GeneratedRegex(@"\b(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|Labs|Co)\b|株式会社|合同会社|（株）|\(株\)", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyWords();

    [GeneratedRegex(@"(?<![\w@])@(?<handle>[A-Za-z0-9_]{1,39})(?![\w@])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Handle();

    /// <summary>"by @" with no handle after it, as notes taken in a hurry leave it.</summary>
    [GeneratedRegex(@"\s+by\s+@?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DanglingBy();

    [GeneratedRegex(@"\s+by\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBy();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
