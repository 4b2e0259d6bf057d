using System.Text.RegularExpressions;

namespace Catalog.Ingest.Linking;

/// <summary>
/// Whether a name, written in running text, can mean something other than its technology, and why. An ambiguous name
/// links only where its context supports the technology (<see cref="Linker"/>); an unambiguous one links wherever it is
/// written. Ambiguous are: names of one or two characters; single words that are English dictionary words, given names,
/// family names or places (SCOWL) or everyday names of our own list; Japanese readings of such names; and any name the
/// seed's <c>linking</c> list marks so. Coined spellings with an inner capital (MySQL) are not names of anything else.
/// </summary>
public static partial class NameAmbiguity
{
    public const string Short = "one or two characters";
    public const string Word = "an English word";
    public const string ProperName = "a given name, family name or place";
    public const string Everyday = "an everyday name";
    public const string Reading = "the reading of an ambiguous name";
    public const string Marked = "marked in the seed";

    /// <summary>Why <paramref name="text"/> is ambiguous, or null when it is not.</summary>
    /// <param name="latinName">The technology's name, which decides for a reading in kana.</param>
    public static string? Reason(string text, string? latinName = null)
    {
        var name = text.Trim();
        if (name.Length == 0) return null;
        if (IsKana(name))
            return latinName is not null && !IsKana(latinName) && Reason(latinName) is not null ? Reading : null;
        if (name.Length <= 2) return Short;
        if (!SingleWord().IsMatch(name)) return null;
        var lower = name.ToLowerInvariant();
        if (LinkWords.IsDictionaryWord(lower)) return Word;
        if (LinkWords.IsEverydayName(lower)) return Everyday;
        if (LinkWords.IsProperName(lower) && !InnerCapital().IsMatch(name)) return ProperName;
        return null;
    }

    /// <summary>Whether the text is written in katakana alone (with the long-vowel mark and the middle dot).</summary>
    public static bool IsKana(string text) => text.Length > 0 && text.All(c => IsKanaChar(c) || c == '・');

    internal static bool IsKanaChar(char c) => c is >= '\u30A0' and <= '\u30FF' and not '・';

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex SingleWord();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex InnerCapital();
}
