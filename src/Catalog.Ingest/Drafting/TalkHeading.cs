using System.Text.RegularExpressions;

namespace Catalog.Ingest.Drafting;

/// <summary>A talk's heading taken apart: its title, and the time slot and track written beside it, as written.</summary>
internal sealed record TalkHeadingParts(string Title, string? Time, string? Track);

/// <summary>
/// Takes the schedule out of a talk's heading. Posts write a time slot ("10:00 - 10:30", "10:00〜10:30", "13:00-"),
/// a room or track ("Room A", "ルームA", "Track B", "A会場") and a talk number ("#3", "[B-2]", "セッション3") before
/// the title, or in brackets after it; none of them is the title, and a slug made of them says nothing.
/// </summary>
internal static partial class TalkHeading
{
    public static TalkHeadingParts Split(string heading)
    {
        string? time = null;
        var track = new List<string>();
        var title = heading.Trim();
        // A heading that is only a slot ("10:00 - 10:30") has no title apart from it: it stays whole.
        if (Leading().Match(title) is { Success: true } whole && whole.Length == title.Length) return new TalkHeadingParts(title, null, null);
        // Before the title, any number of them; after it, only bracketed ones or a time slot: "Part #3" keeps its number.
        for (var found = true; found;)
        {
            found = false;
            if (Leading().Match(title) is { Success: true } lead && lead.Length < title.Length)
            {
                Take(lead);
                title = title[lead.Length..].TrimStart();
                found = true;
            }
            if (Trailing().Match(title) is { Success: true, Index: > 0 } trail)
            {
                Take(trail);
                title = title[..trail.Index].TrimEnd();
                found = true;
            }
        }
        title = title.Trim().Trim('|', '｜', '/', '／', ':', '：', '-', '–', '—').Trim();
        return title.Length == 0 ? new TalkHeadingParts(heading.Trim(), null, null)
            : new TalkHeadingParts(title, time, track.Count == 0 ? null : string.Join(" / ", track));

        void Take(Match match)
        {
            if (match.Groups["time"].Success) time ??= Clean(match.Groups["time"].Value);
            else track.Add(Clean(match.Groups["track"].Value));
        }
    }

    private static string Clean(string text) => Spaces().Replace(text.Trim(), " ");

    private const string Time = @"\d{1,2}[:：]\d{2}(?:\s*[-–—~〜～]\s*(?:\d{1,2}[:：]\d{2})?)?";
    private const string Room = @"(?:Room|Track|Hall|Stage|ルーム|トラック|ホール|ステージ)\s*[A-Za-z0-9０-９Ａ-Ｚ]{1,3}(?![A-Za-z0-9])|[A-Za-z0-9Ａ-Ｚ]{1,2}\s*(?:会場|トラック|ルーム)";
    private const string Number = @"#\d{1,3}(?!\d)|(?:セッション|Session|Talk|LT)\s*#?\d{1,3}(?!\d)|[A-Z]{1,2}\d{0,2}-\d{1,2}(?!\d)";

    /// <summary>A time slot, room, track or number at the start, bracketed or not, with the separator after it.</summary>
    [GeneratedRegex(
        @"^\s*(?:\[\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*\]|【\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*】" +
        @"|[(（]\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*[)）]" +
        @"|(?<time>" + Time + @")|(?<track>" + Room + "|" + Number + @")(?=[\s|｜/／:：]|$))\s*(?:[|｜/／:：]\s*|[-–—]\s+)?",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Leading();

    /// <summary>A bracketed time slot, room, track or number at the end, or a bare time slot or room after a space or separator.</summary>
    [GeneratedRegex(
        @"(?:\s*[|｜/／]\s*|\s+[-–—]\s+|\s*)(?:\[\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*\]|【\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*】" +
        @"|[(（]\s*(?:(?<time>" + Time + ")|(?<track>" + Room + "|" + Number + @"))\s*[)）])\s*$" +
        @"|(?:\s*[|｜/／]\s*|\s+[-–—]\s+|\s+)(?:(?<time>" + Time + ")|(?<track>" + Room + @"))\s*$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Trailing();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
