using System.Collections.Frozen;

namespace Catalog.Ingest.Landscape;

/// <summary>
/// Which landscape names the import's report lists as ordinary words or names ("Harbor", "Flux"). It decides nothing
/// about linking: whether a name links in text is <see cref="Linking.NameAmbiguity"/>'s and the linker's. Listed are:
/// <list type="number">
/// <item>names of one or two characters, which are abbreviations of too many things;</item>
/// <item>the names listed in <see cref="Listed"/>: ordinary words and common names a dictionary of common words
/// lacks (myths, places, proper names used as words);</item>
/// <item>single words of letters that are English dictionary words: lower-case entries of the embedded word list
/// (<c>english-words.txt</c>, the common-word list of SCOWL, size 35, as Debian's <c>wamerican-small</c> ships it).</item>
/// </list>
/// </summary>
public static class HeldBackNames
{
    public const string TooShort = "one or two characters";
    public const string ListedWord = "an ordinary word or common name (listed)";
    public const string DictionaryWord = "an English dictionary word";

    /// <summary>Ordinary words and common names that are landscape names, beyond what the word list has.</summary>
    public static readonly FrozenSet<string> Listed = new[]
    {
        // Named in the issue that introduced the landscape.
        "Apollo", "Argo", "Atlantis", "Flux", "Harbor", "Kraken", "Packer", "Quay",
        // Ordinary English words the common-word list lacks.
        "Airlock", "Airship", "Aqua", "Armada", "Chroma", "Coder", "Cumulus", "Cyclops", "Druid", "Fugue", "Litmus",
        "Maven", "Middleware", "Monocle", "Pinniped", "Pulsar", "Ragas", "Semaphore", "Sentinel", "Serverless", "Sidekick",
        "Stacker", "Submariner", "Teleport",
        // Names of myths, stars, places and people that are words of their own in running text.
        "Axolotl", "Carina", "Casper", "Helios", "Hubble", "Kepler", "Lima", "Omni", "Pluto", "Polaris", "Sparta", "Triton",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why a landscape-only technology's name must not link in text, or null when it may.</summary>
    public static string? Reason(string name)
    {
        var text = name.Trim();
        if (text.Length <= 2) return TooShort;
        if (Listed.Contains(text)) return ListedWord;
        if (text.All(char.IsAsciiLetter) && EnglishWords.Contains(text)) return DictionaryWord;
        return null;
    }
}
