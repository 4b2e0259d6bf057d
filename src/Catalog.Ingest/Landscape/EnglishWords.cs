using System.Collections.Frozen;
using System.Reflection;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// The embedded English dictionary (<c>english-words.txt</c>: the lower-case entries of three letters or more of SCOWL's
/// size-35 American English list, as Debian's <c>wamerican-small</c> ships it; its licence is in the file's header).
/// </summary>
public static class EnglishWords
{
    private static readonly Lazy<FrozenSet<string>> Words = new(Read);

    /// <summary>Whether a word of letters is a dictionary word, in any case ("Console", "push").</summary>
    public static bool Contains(string word) => word.Length >= 3 && word.All(char.IsAsciiLetter) && Words.Value.Contains(word.ToLowerInvariant());

    private static FrozenSet<string> Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("english-words.txt")
            ?? throw new InvalidOperationException("The embedded resource english-words.txt is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') words.Add(line);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
