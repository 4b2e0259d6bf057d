using System.Collections.Frozen;
using System.Reflection;

namespace Catalog.Ingest.Linking;

/// <summary>The word lists linking decides with, embedded in the assembly; each file's header names its source.</summary>
internal static class LinkWords
{
    private static readonly Lazy<FrozenSet<string>> DictionaryWords = new(() => Read("english-words-50.txt"));
    private static readonly Lazy<FrozenSet<string>> Common = new(() => Read("english-words.txt"));
    private static readonly Lazy<FrozenSet<string>> Proper = new(() => Read("proper-names.txt"));
    private static readonly Lazy<FrozenSet<string>> EverydayWords = new(() => Read("everyday-words.txt"));
    private static readonly Lazy<FrozenSet<string>> Everyday = new(() => Read("everyday-names.txt"));

    /// <summary>An ordinary English word (SCOWL size 50, or our own list of newer ones), in lower case.</summary>
    public static bool IsDictionaryWord(string lower) => DictionaryWords.Value.Contains(lower) || EverydayWords.Value.Contains(lower);

    /// <summary>One of the commonest English words (SCOWL size 35), in lower case: weak evidence of a subject.</summary>
    public static bool IsCommonWord(string lower) => Common.Value.Contains(lower);

    /// <summary>A given name, family name or place (SCOWL size 50), in lower case.</summary>
    public static bool IsProperName(string lower) => Proper.Value.Contains(lower);

    /// <summary>A name of myth, fiction, a place or a brand outside software (our own list), in lower case.</summary>
    public static bool IsEverydayName(string lower) => Everyday.Value.Contains(lower);

    private static FrozenSet<string> Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') words.Add(line.Trim().ToLowerInvariant());
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
