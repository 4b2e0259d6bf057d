using System.Buffers;
using System.Text.RegularExpressions;
using Catalog.Api.Technologies;

namespace Catalog.Api.Search;

/// <summary>
/// Ranked search over technologies (every name, alias and reading, and the short definitions), categories,
/// organisations and talk titles, in memory over the snapshot's <see cref="SearchIndex"/>. Texts are compared in their
/// NFKC-folded lower-case form, the form <see cref="TechnologyAlias.Normalize"/> gives; typos are caught with trigram
/// similarity as pg_trgm computes it.
/// </summary>
public static partial class CatalogSearch
{
    /// <summary>Score tiers, far enough apart that the bonuses within a tier (at most 7) never cross into the next.</summary>
    public const int Exact = 100, Prefix = 80, Substring = 60, Typo = 40, Definition = 20;

    public const int MaxQueryLength = Data.Configurations.Limits.Alias;

    /// <summary>The query as it is compared: NFKC-folded, lower case, trimmed, inner runs of white space made one space.</summary>
    public static string NormalizeQuery(string query) => WhiteSpace().Replace(TechnologyAlias.Normalize(query), " ");

    /// <summary>
    /// The best <paramref name="first"/> items for an already normalised, non-empty query. Names starting with the query
    /// come first, then names containing it; definitions and typos are looked at only when those name fewer items than
    /// asked for, since neither a definition (tier 20) nor a typo (tier 40) can outrank a name containing the query
    /// (tier 60 and up). Each item counts once, with its best text (then the shorter, then the first in ordinal order);
    /// ties go by kind, then id.
    /// </summary>
    public static List<SearchResult> Search(Snapshot.CatalogSnapshot catalog, string query, Lang? lang, int first)
    {
        if (first == 0) return [];
        var index = catalog.SearchIndex;
        var wanted = lang switch { Lang.En => "en", Lang.Ja => "ja", _ => null };
        var best = new Dictionary<(SearchItemKind, int), (SearchIndex.Text Text, double Score)>();

        double ScoreOf(SearchIndex.Text text, double tier) =>
            Math.Round(tier + (wanted is null || text.Lang is null || text.Lang == wanted ? 5 : 0) + text.Bonus, 3, MidpointRounding.AwayFromZero);

        void Keep(SearchIndex.Text text, double score)
        {
            var key = (text.Kind, text.Id);
            if (!best.TryGetValue(key, out var kept) || score > kept.Score
                || (score == kept.Score && (text.Matched.Length < kept.Text.Matched.Length
                    || (text.Matched.Length == kept.Text.Matched.Length && string.CompareOrdinal(text.Matched, kept.Text.Matched) < 0))))
                best[key] = (text, score);
        }

        void Consider(SearchIndex.Text text, double tier) => Keep(text, ScoreOf(text, tier));

        double NameTier(SearchIndex.Text text)
        {
            var ratio = 10.0 * query.Length / text.Norm.Length;
            return text.Norm.Length == query.Length ? Exact : text.Norm.StartsWith(query, StringComparison.Ordinal) ? Prefix + ratio : Substring + ratio;
        }

        // A name that starts with the query (80 and up) outranks any that only contains it (at most 60 + 10 + 7): when
        // those name enough items, the trigram look-up for the others, whose cost grows with the catalog, is skipped.
        // The names starting with it are scored in a flat array and kept from the best down to the k-th item, so a
        // common prefix shared by thousands of names costs a sort of numbers, not thousands of look-ups.
        var (start, count) = index.NamesStartingWith(query);
        var scores = ArrayPool<double>.Shared.Rent(count);
        var order = ArrayPool<int>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var text = index.NameInOrder(start + i);
                scores[i] = -ScoreOf(text, NameTier(text));
                order[i] = start + i;
            }
            Array.Sort(scores, order, 0, count);
            var kthScore = double.NegativeInfinity;
            for (var i = 0; i < count; i++)
            {
                var score = -scores[i];
                if (best.Count >= first && score < kthScore) break;
                var text = index.NameInOrder(order[i]);
                var known = best.Count;
                Keep(text, score);
                if (best.Count > known && best.Count == first) kthScore = score;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(order);
        }
        if (best.Count < first)
            foreach (var text in index.NamesContaining(query)) Consider(text, NameTier(text));
        if (best.Count < first)
        {
            foreach (var text in index.DefinitionsContaining(query))
                Consider(text, Definition + 10.0 * query.Length / Math.Max(text.Norm.Length, 1));
            foreach (var (text, likeness) in index.Typos(query))
                Consider(text, Typo + 10.0 * likeness);
        }
        return [.. best
            .OrderByDescending(b => b.Value.Score).ThenBy(b => b.Key.Item1).ThenBy(b => b.Key.Item2)
            .Take(first)
            .Select(b => new SearchResult(b.Key.Item1, b.Key.Item2, b.Value.Text.Matched, b.Value.Score, Item(catalog, b.Key.Item1, b.Key.Item2)))];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static object Item(Snapshot.CatalogSnapshot catalog, SearchItemKind kind, int id) => kind switch
    {
        SearchItemKind.Technology => catalog.Technologies[id],
        SearchItemKind.Category => catalog.Categories[id],
        SearchItemKind.Organization => catalog.Organizations[id],
        _ => catalog.Talks[id],
    };
}
