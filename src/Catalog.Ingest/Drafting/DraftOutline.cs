using System.Text.RegularExpressions;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Ingest.Drafting;

/// <summary>A heading of the notes as the outline sees it.</summary>
internal sealed record OutlineHeading(int Line, int Level, string Text, int Occurrence, SectionKind? Kind)
{
    /// <summary>The last line the entry covers: up to the next heading that is not a sub-heading of a talk.</summary>
    public int EndLine { get; set; }
}

/// <summary>
/// Decides what each heading of a write-up introduces. The post's title heading (the one heading of the highest
/// level, when it comes first) is the introduction; a heading named like a part of a post (まとめ, Links, Booth,
/// 懇親会, 昼休み, Day 1 ...) is a section of that kind; a heading over other headings with little text of its own, or
/// over a heading of the same text, is a track; a heading under a talk is a sub-heading that stays in the talk; a
/// heading under a section that holds no talks (a break, the booths, the closing words) is a section of its own kind
/// or of that one's; any other heading introduces a talk.
/// </summary>
internal static partial class DraftOutline
{
    public static List<OutlineHeading> Build(NotesDocument notes)
    {
        var sections = notes.Sections.Where(s => s.Heading is not null).ToList();
        var outline = new List<OutlineHeading>(sections.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var title = TitleIndex(sections);
        var ancestors = new Stack<(int Level, SectionKind? Kind)>();
        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            var heading = section.Heading!;
            var occurrence = seen[heading] = seen.GetValueOrDefault(heading) + 1;
            while (ancestors.Count > 0 && ancestors.Peek().Level >= section.Level) ancestors.Pop();
            var parent = ancestors.Count > 0 ? ancestors.Peek().Kind : SectionKind.Introduction;
            var underTalk = parent is SectionKind.Talk or null;
            // Under a part of the post that holds no talks, a heading is a section of its own kind, or else of that part's.
            var underOther = parent is not (SectionKind.Talk or null or SectionKind.Introduction or SectionKind.Overview or SectionKind.Track);
            SectionKind? kind = underTalk ? null
                : underOther ? KindOf(DraftText.Plain(heading)) ?? parent
                : i == title ? SectionKind.Introduction
                : KindOf(DraftText.Plain(heading)) ?? (IsContainer(notes, sections, i) ? SectionKind.Track : SectionKind.Talk);
            ancestors.Push((section.Level, kind));
            outline.Add(new OutlineHeading(section.StartLine, section.Level, heading, occurrence, kind));
        }
        for (var i = 0; i < outline.Count; i++)
        {
            var next = outline.FindIndex(i + 1, h => h.Kind is not null);
            outline[i].EndLine = next < 0 ? notes.Lines.Count : outline[next].Line - 1;
        }
        // A sub-heading ends where its own section does (for the record); its talk's range already covers it.
        for (var i = 0; i < outline.Count; i++)
        {
            if (outline[i].Kind is null) outline[i].EndLine = sections[i].EndLine;
        }
        return outline;
    }

    /// <summary>
    /// The outline of a post that is no write-up of an event: a heading that would introduce a talk, or sit inside one,
    /// is a section of kind other.
    /// </summary>
    public static List<OutlineHeading> WithoutTalks(List<OutlineHeading> outline, int lineCount)
    {
        var sections = outline.Select(h => h.Kind is SectionKind.Talk or null ? h with { Kind = SectionKind.Other } : h).ToList();
        for (var i = 0; i < sections.Count; i++) sections[i].EndLine = i + 1 < sections.Count ? sections[i + 1].Line - 1 : lineCount;
        return sections;
    }

    /// <summary>The post's title heading: the first heading, when no other heading is of its level or higher.</summary>
    private static int TitleIndex(List<NotesSection> sections)
    {
        if (sections.Count == 0) return -1;
        var first = sections[0].Level;
        return sections.Skip(1).Any(s => s.Level <= first) ? -1 : 0;
    }

    /// <summary>
    /// Whether a heading groups other headings rather than introducing a talk: it has sub-headings, one of them
    /// repeats its text (a track named after its subject, then the talk), or it has little text of its own and its
    /// sub-headings are not the parts of a talk (概要, 感想, Q&amp;A ...).
    /// </summary>
    private static bool IsContainer(NotesDocument notes, List<NotesSection> sections, int index)
    {
        var parent = sections[index];
        var children = new List<NotesSection>();
        for (var j = index + 1; j < sections.Count && sections[j].Level > parent.Level; j++) children.Add(sections[j]);
        if (children.Count == 0) return false;
        if (children.Any(c => c.Heading == parent.Heading)) return true;
        var ownText = 0;
        for (var line = parent.StartLine + 1; line <= parent.EndLine; line++)
        {
            if (notes.Line(line).Trim().Length > 0) ownText++;
        }
        var topLevel = children.Min(c => c.Level);
        var direct = children.Where(c => c.Level == topLevel).ToList();
        var parts = direct.Count(c => TalkPart().IsMatch(DraftText.Plain(c.Heading!)));
        // One sub-heading under a heading with text of its own is a part of a talk ("##### Recently" under a talk's notes),
        // not a talk of a track.
        return ownText <= 2 && parts * 2 < direct.Count && (direct.Count >= 2 || ownText == 0);
    }

    /// <summary>The kind a heading's words give it, or null when they name no part of a post.</summary>
    internal static SectionKind? KindOf(string heading)
    {
        var text = Numbering().Replace(heading, "").Trim().TrimEnd(':', '：', '!', '！').Trim();
        if (text.Length == 0) return null;
        if (DraftText.HasJapanese(text))
        {
            if (text.Length > 20) return null;
            if (text == "概要") return SectionKind.Introduction;
            foreach (var (kind, words) in JapaneseKinds)
            {
                if (words.Any(w => text.Contains(w, StringComparison.Ordinal))) return kind;
            }
            return DayOrTrack().IsMatch(text) ? SectionKind.Track : null;
        }
        var lower = text.ToLowerInvariant();
        foreach (var (kind, pattern) in EnglishKinds)
        {
            if (pattern.IsMatch(lower)) return kind;
        }
        return null;
    }

    private static readonly (SectionKind Kind, string[] Words)[] JapaneseKinds =
    [
        (SectionKind.Closing, ["まとめ", "感想", "おわりに", "終わりに", "さいごに", "最後に", "所感", "総括", "振り返り", "全体を通して"]),
        (SectionKind.Links, ["リンク", "参考", "資料一覧", "スライド一覧", "関連記事"]),
        // A sponsor's session is a talk of its track, not a booth.
        (SectionKind.Track, ["スポンサーセッション", "スポンサートーク", "スポンサーLT"]),
        (SectionKind.Booth, ["ブース", "スポンサー", "展示"]),
        (SectionKind.AfterParty, ["懇親会", "打ち上げ", "パーティ"]),
        (SectionKind.Introduction, ["はじめに", "始めに", "まえがき", "前置き", "参加した経緯", "参加の経緯", "イベント概要", "の概要"]),
        (SectionKind.Overview, ["見た内容", "見たセッション", "聞いたセッション", "参加したセッション", "聴講したセッション", "気になったセッション",
            "セッション一覧", "セッション紹介", "セッションの紹介", "聴講メモ"]),
        (SectionKind.Track, ["キーノート", "基調講演", "トラック", "ライトニングトーク"]),
        (SectionKind.Other, ["目次", "もくじ", "昼休み", "休憩", "ランチ", "昼食", "お弁当"]),
    ];

    private static readonly (SectionKind Kind, Regex Pattern)[] EnglishKinds =
    [
        (SectionKind.Closing, Closing()),
        (SectionKind.Links, Links()),
        (SectionKind.Booth, Booth()),
        (SectionKind.AfterParty, AfterParty()),
        (SectionKind.Introduction, Introduction()),
        (SectionKind.Overview, Overview()),
        (SectionKind.Track, Track()),
        (SectionKind.Other, Other()),
    ];

    [GeneratedRegex(@"^(?:\d+[.)]|[-*•])\s+")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^(?:day\s*\d+|\d+日目|[a-z]?トラック|track\s*\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DayOrTrack();

    [GeneratedRegex(@"^(?:summary|conclusions?|wrap[- ]?up|final thoughts|closing(?: thoughts)?|(?:key )?takeaways|thoughts|impressions|in closing|overall|afterword|epilogue)$")]
    private static partial Regex Closing();

    [GeneratedRegex(@"^(?:links|references|resources|slides|related links|further reading|more links|recordings|videos)$")]
    private static partial Regex Links();

    [GeneratedRegex(@"^(?:(?:the )?booths?|sponsor booths?|(?:the )?expo(?: hall)?|sponsors?|showcase|booth crawl|(?:the )?hallway track)$")]
    private static partial Regex Booth();

    [GeneratedRegex(@"^(?:after[- ]?party|(?:the )?party|networking|evening events?|social)$")]
    private static partial Regex AfterParty();

    [GeneratedRegex(@"^(?:introduction|intro|background|preface|prologue|foreword|about (?:the|this) (?:event|conference|post))$")]
    private static partial Regex Introduction();

    [GeneratedRegex(@"^(?:talks|sessions|(?:the )?(?:talks|sessions) i (?:saw|attended|watched)|(?:the )?talks|(?:the )?sessions|agenda|schedule)$")]
    private static partial Regex Overview();

    [GeneratedRegex(@"^(?:day \d+|day (?:one|two|three|four|zero))\b.*$|^(?:track [a-z0-9]+|room [a-z0-9]+|keynotes|keynote\(s\)|main stage|lightning talks|co-located events?|workshops)$")]
    private static partial Regex Track();

    [GeneratedRegex(@"^(?:table of contents|contents|toc|index|lunch(?: break)?|(?:coffee )?break|breaks)$")]
    private static partial Regex Other();

    /// <summary>Headings that are parts of a talk rather than talks of their own.</summary>
    [GeneratedRegex(@"概要|感想|まとめ|所感|メモ|内容|質疑|デモ|スライド|資料|背景|課題|結論|構成|アーキテクチャ|^(?:q ?& ?a|qa|demo|slides|summary|takeaways|notes|background|conclusion|architecture|overview|problem|solution|results?|questions)$", RegexOptions.IgnoreCase)]
    private static partial Regex TalkPart();
}
