using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using Catalog.Ingest.Matching;

namespace Catalog.Api.Search;

/// <summary>
/// Every searchable text of one snapshot, folded once (NFKC, lower case), with two indexes: the three-character runs
/// of each text (a text contains the query only if it has every run of the query: a few short lists to intersect
/// instead of a scan), and pg_trgm-style word trigrams for typo matching. Built on the first search of a snapshot.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>A searchable text of an item: a name, alias, reading, title or short definition.</summary>
    public sealed record Text(SearchItemKind Kind, int Id, string Matched, string Norm, string? Lang, double Bonus);

    /// <summary>How many names in ordinal order share one <see cref="NameBlock"/>.</summary>
    public const int BlockSize = 32;

    private readonly Text[] _names;
    private readonly int[] _namesByNorm;
    private readonly (int Shortest, double Bonus)[] _nameBlocks;
    private readonly Text[] _definitions;
    private readonly Dictionary<ulong, int[]> _nameRuns;
    private readonly Dictionary<ulong, int[]> _definitionRuns;
    private readonly ulong[][] _nameTrigrams;
    private readonly Dictionary<ulong, int[]> _nameTrigramPostings;

    public SearchIndex(CatalogSnapshot catalog)
    {
        var names = new List<Text>();
        var definitions = new List<Text>();
        foreach (var technology in catalog.TechnologiesByName)
        {
            // Technologies the notes mention more often rank a little higher (at most 2).
            var bonus = Math.Min(2, 0.5 * Math.Log(1 + technology.MentionCount));
            foreach (var alias in catalog.AllAliasesOf[technology.Id])
                names.Add(new Text(SearchItemKind.Technology, technology.Id, alias.Text, alias.Normalized, LangText(alias.Lang), bonus));
            foreach (var definition in catalog.DefinitionsOf[technology.Id])
                definitions.Add(new Text(SearchItemKind.Technology, technology.Id, definition.Short, Fold(definition.Short), LangText(definition.Lang), bonus));
        }
        foreach (var category in catalog.Categories.Values)
        {
            names.Add(new Text(SearchItemKind.Category, category.Id, category.NameEn, Fold(category.NameEn), "en", 0));
            names.Add(new Text(SearchItemKind.Category, category.Id, category.NameJa, Fold(category.NameJa), "ja", 0));
            foreach (var alias in category.Aliases) names.Add(new Text(SearchItemKind.Category, category.Id, alias, Fold(alias), null, 0));
        }
        foreach (var organization in catalog.Organizations.Values)
        {
            names.Add(new Text(SearchItemKind.Organization, organization.Id, organization.Name, Fold(organization.Name), null, 0));
            if (organization.NameJa is { } ja) names.Add(new Text(SearchItemKind.Organization, organization.Id, ja, Fold(ja), "ja", 0));
            foreach (var alias in organization.Aliases) names.Add(new Text(SearchItemKind.Organization, organization.Id, alias, Fold(alias), null, 0));
        }
        foreach (var talk in catalog.TalksInOrder)
            names.Add(new Text(SearchItemKind.Talk, talk.Id, talk.Title, Fold(talk.Title), null, 0));

        _names = [.. names];
        _namesByNorm = [.. Enumerable.Range(0, _names.Length).OrderBy(i => _names[i].Norm, StringComparer.Ordinal)];
        _nameBlocks = [.. _namesByNorm.Chunk(BlockSize).Select(block => (block.Min(i => _names[i].Norm.Length), block.Max(i => _names[i].Bonus)))];
        _definitions = [.. definitions];
        _nameRuns = Runs(_names);
        _definitionRuns = Runs(_definitions);
        _nameTrigrams = [.. _names.Select(t => Trigrams.Set(t.Norm))];
        _nameTrigramPostings = Postings(_nameTrigrams.Select((set, i) => (set, i)).SelectMany(x => x.set.Select(t => (Key: t, Text: x.i))));
    }

    /// <summary>
    /// Where the names that start with <paramref name="query"/> lie in <see cref="NameInOrder"/>: a binary search for the
    /// first, and one for the first past them (the names in ordinal order, so those starting with a text are together).
    /// </summary>
    public (int Start, int Count) NamesStartingWith(string query)
    {
        var start = FirstNameNotBelow(query, prefix: false);
        return (start, FirstNameNotBelow(query, prefix: true) - start);
    }

    /// <summary>The names in the ordinal order of their folded form.</summary>
    public Text NameInOrder(int position) => _names[_namesByNorm[position]];

    /// <summary>
    /// The shortest folded name and the greatest bonus among the names at positions <c>block * BlockSize</c> to
    /// <c>(block + 1) * BlockSize - 1</c> of <see cref="NameInOrder"/>: enough to bound the score of every name there,
    /// so a search can pass over blocks whose best cannot reach its page.
    /// </summary>
    public (int Shortest, double Bonus) NameBlock(int block) => _nameBlocks[block];

    // The first position whose name is not below the query (prefix: false), or not below nor starting with it (prefix: true).
    private int FirstNameNotBelow(string query, bool prefix)
    {
        int low = 0, high = _namesByNorm.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var norm = _names[_namesByNorm[middle]].Norm;
            if (string.CompareOrdinal(norm, query) < 0 || (prefix && norm.StartsWith(query, StringComparison.Ordinal))) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The texts of names (not definitions) that contain <paramref name="query"/>.</summary>
    public IEnumerable<Text> NamesContaining(string query) => Containing(_names, _nameRuns, query);

    /// <summary>The short definitions that contain <paramref name="query"/>.</summary>
    public IEnumerable<Text> DefinitionsContaining(string query) => Containing(_definitions, _definitionRuns, query);

    /// <summary>
    /// Names that do not contain the query but look like a typo of it: trigram similarity at least 0.3, or word
    /// similarity at least 0.6 (pg_trgm's default thresholds); each with the greater of the similarity and 0.8 times
    /// the word similarity.
    /// </summary>
    public IEnumerable<(Text Text, double Likeness)> Typos(string query)
    {
        var trigrams = Trigrams.Set(query);
        var shared = new Dictionary<int, int>();
        foreach (var trigram in trigrams)
        {
            if (!_nameTrigramPostings.TryGetValue(trigram, out var texts)) continue;
            foreach (var text in texts) shared[text] = shared.GetValueOrDefault(text) + 1;
        }
        foreach (var (index, common) in shared)
        {
            var text = _names[index];
            if (text.Norm.Contains(query, StringComparison.Ordinal)) continue;
            var similarity = (double)common / (trigrams.Length + _nameTrigrams[index].Length - common);
            // A run of the text's trigrams has at most `common` of the query's: below 0.6 of them it cannot reach 0.6.
            var word = common >= 0.6 * trigrams.Length ? Trigrams.WordSimilarity(trigrams, Trigrams.Sequence(text.Norm)) : 0;
            if (similarity >= 0.3 || word >= 0.6) yield return (text, Math.Max(similarity, 0.8 * word));
        }
    }

    /// <summary>The folded form every searchable text is compared in (as aliases are for look-ups).</summary>
    public static string Fold(string text) => TechnologyAlias.Normalize(text);

    private static string? LangText(Lang? lang) => lang switch { Lang.En => "en", Lang.Ja => "ja", _ => null };

    private static IEnumerable<Text> Containing(Text[] texts, Dictionary<ulong, int[]> runs, string query)
    {
        if (query.Length < 3) return texts.Where(t => t.Norm.Contains(query, StringComparison.Ordinal));
        // The texts that hold every three-character run of the query, starting from the rarest run.
        var lists = new List<int[]>();
        for (var i = 0; i + 2 < query.Length; i++)
        {
            if (!runs.TryGetValue(Trigrams.Pack(query[i], query[i + 1], query[i + 2]), out var list)) return [];
            lists.Add(list);
        }
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        return lists[0]
            .Where(i => lists.Skip(1).All(list => Array.BinarySearch(list, i) >= 0))
            .Select(i => texts[i])
            .Where(t => t.Norm.Contains(query, StringComparison.Ordinal));
    }

    private static Dictionary<ulong, int[]> Runs(Text[] texts) =>
        Postings(texts.SelectMany((t, i) => Enumerable.Range(0, Math.Max(0, t.Norm.Length - 2))
            .Select(k => (Key: Trigrams.Pack(t.Norm[k], t.Norm[k + 1], t.Norm[k + 2]), Text: i))));

    /// <summary>Each key's texts, ascending and each once.</summary>
    private static Dictionary<ulong, int[]> Postings(IEnumerable<(ulong Key, int Text)> pairs)
    {
        var lists = new Dictionary<ulong, List<int>>();
        foreach (var (key, text) in pairs)
        {
            if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
            if (list.Count == 0 || list[^1] != text) list.Add(text);
        }
        return lists.ToDictionary(l => l.Key, l => l.Value.ToArray());
    }
}
