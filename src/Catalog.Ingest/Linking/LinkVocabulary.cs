using System.Collections.Frozen;
using Catalog.Ingest.Matching;

namespace Catalog.Ingest.Linking;

/// <summary>A form a technology may be linked by in text, and why it is ambiguous (null when it is not).</summary>
public sealed record LinkForm(string Text, bool CaseSensitive, string? Ambiguity);

/// <summary>
/// What linking knows of one technology: its linkable forms and the context that speaks for it: the technologies it is
/// related to (relations either way, talks that covered both), its makers, categories, homepage and repository, and its
/// gloss (definitions and category names), whose words a document shares when it is about the technology.
/// </summary>
public sealed record LinkTechnology(
    string Slug,
    IReadOnlyList<LinkForm> Forms,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Related,
    IReadOnlyList<string> Makers,
    string? Homepage,
    string? Repository,
    string Gloss);

/// <summary>The catalog as linking sees it, built once per catalog version and shared by every document decided.</summary>
public sealed class LinkVocabulary
{
    internal sealed class Entry(LinkTechnology technology)
    {
        public LinkTechnology Technology { get; } = technology;
        public FrozenSet<string> Categories { get; } = technology.Categories.ToFrozenSet(StringComparer.Ordinal);
        public FrozenSet<string> Related { get; set; } = FrozenSet<string>.Empty;
        public FrozenSet<string> Makers { get; } = technology.Makers.ToFrozenSet(StringComparer.Ordinal);
        public FrozenSet<string> EnglishGloss { get; set; } = FrozenSet<string>.Empty;
        public string[] JapaneseGloss { get; set; } = [];
        public string[] Sites { get; set; } = [];

        /// <summary>Whether the technology is a programming language, as its definition or category says.</summary>
        public bool IsLanguage { get; } = technology.Gloss.Contains(" language", StringComparison.OrdinalIgnoreCase) || technology.Gloss.Contains("言語", StringComparison.Ordinal);
    }

    /// <summary>Organisations that host too many projects for a shared maker to say anything.</summary>
    private static readonly FrozenSet<string> Umbrellas = new[] { "cncf", "apache-software-foundation", "linux-foundation" }.ToFrozenSet(StringComparer.Ordinal);

    internal Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
    internal AliasMatcher Matcher { get; }
    internal FrozenDictionary<(string Text, string Slug), LinkForm> Forms { get; }

    /// <summary>Every form's text in lower case: a word that is a catalog name is never "the rest of a longer name".</summary>
    internal FrozenSet<string> FormTexts { get; }
    internal FrozenDictionary<string, double> Weights { get; }

    /// <summary>How many technologies' glosses use a word.</summary>
    internal FrozenDictionary<string, int> Spread { get; }

    public LinkVocabulary(IEnumerable<LinkTechnology> technologies)
    {
        foreach (var technology in technologies) Entries[technology.Slug] = new Entry(technology);

        // Relations count both ways, and two technologies with a relation target in common (both part of Kubernetes)
        // are related too.
        var related = Entries.Keys.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var direct = Entries.ToDictionary(e => e.Key, e => e.Value.Technology.Related.Where(Entries.ContainsKey).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (slug, targets) in direct)
        {
            foreach (var target in targets)
            {
                related[slug].Add(target);
                related[target].Add(slug);
            }
        }
        foreach (var (slug, entry) in Entries)
        {
            entry.Related = related[slug].ToFrozenSet(StringComparer.Ordinal);
            var gloss = entry.Technology.Gloss;
            var own = entry.Technology.Forms.SelectMany(f => SubjectTerms.English(f.Text).Concat(SubjectTerms.Japanese(f.Text))).ToHashSet(StringComparer.Ordinal);
            entry.EnglishGloss = SubjectTerms.English(gloss).Where(t => !own.Contains(t)).ToFrozenSet(StringComparer.Ordinal);
            entry.JapaneseGloss = SubjectTerms.Japanese(gloss).Where(t => !own.Contains(t)).ToArray();
            entry.Sites = new[] { entry.Technology.Homepage, entry.Technology.Repository }.OfType<string>().Select(Site).Where(s => s.Length > 3).ToArray();
        }
        _sharedTargets = direct;

        // A gloss word weighs what it says about one technology rather than many (inverse document frequency).
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in Entries.Values)
        {
            foreach (var term in entry.EnglishGloss.Concat(entry.JapaneseGloss)) frequency[term] = frequency.GetValueOrDefault(term) + 1;
        }
        var count = Math.Max(Entries.Count, 1);
        Spread = frequency.ToFrozenDictionary(StringComparer.Ordinal);
        Weights = frequency.ToFrozenDictionary(p => p.Key, p => Math.Log(count / (1.0 + p.Value)), StringComparer.Ordinal);

        var forms = new Dictionary<(string, string), LinkForm>();
        foreach (var entry in Entries.Values)
        {
            foreach (var form in entry.Technology.Forms) forms.TryAdd((form.Text, entry.Technology.Slug), form);
        }
        Forms = forms.ToFrozenDictionary();
        FormTexts = forms.Keys.Select(k => k.Item1.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        // Candidates are found in any case: a name written in another case than its own is weaker, not absent.
        Matcher = new AliasMatcher(forms.Keys.Select(k => new MatchForm(k.Item1, k.Item2, CaseSensitive: false)));
    }

    private readonly Dictionary<string, HashSet<string>> _sharedTargets;

    /// <summary>How two technologies are related, for evidence: by a relation or a maker (close), or by a category or a
    /// relation target they share (near), or not at all.</summary>
    internal Relatedness Relate(string a, string b)
    {
        var x = Entries[a];
        var y = Entries[b];
        if (x.Related.Contains(b)) return Relatedness.Close;
        if (x.Makers.Any(m => !Umbrellas.Contains(m) && y.Makers.Contains(m))) return Relatedness.Close;
        if (x.Categories.Overlaps(y.Categories)) return Relatedness.Near;
        if (_sharedTargets[a].Overlaps(_sharedTargets[b])) return Relatedness.Near;
        return Relatedness.None;
    }

    /// <summary>The weight of a gloss word across the catalog.</summary>
    internal double Weight(string term) => Weights.GetValueOrDefault(term);

    /// <summary>An address as host and path, lower case, without scheme, "www." or a final slash.</summary>
    internal static string Site(string address)
    {
        var text = address.Trim().ToLowerInvariant();
        foreach (var prefix in new[] { "https://", "http://" })
            if (text.StartsWith(prefix, StringComparison.Ordinal)) text = text[prefix.Length..];
        if (text.StartsWith("www.", StringComparison.Ordinal)) text = text[4..];
        return text.TrimEnd('/');
    }
}

internal enum Relatedness { None, Near, Close }
