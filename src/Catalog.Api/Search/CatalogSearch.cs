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

    public const int MaxQueryLength = Catalog.Model.Configurations.Limits.Alias;

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
        // The names starting with it are scored a block at a time, the block that could score best first, until no
        // block left can reach the page: a prefix shared by thousands of names costs a few blocks, not thousands of scores.
        var (start, count) = index.NamesStartingWith(query);
        if (count > 0)
        {
            const int size = SearchIndex.BlockSize;
            var firstBlock = start / size;
            var blocks = (start + count - 1) / size - firstBlock + 1;
            var bounds = ArrayPool<double>.Shared.Rent(blocks);
            var order = ArrayPool<int>.Shared.Rent(blocks);
            try
            {
                for (var i = 0; i < blocks; i++)
                {
                    // The most a name of the block can score: the shortest name, its language wanted, the greatest
                    // bonus, and the rounding to three places.
                    var (shortest, bonus) = index.NameBlock(firstBlock + i);
                    var tier = shortest <= query.Length ? Exact : Prefix + 10.0 * query.Length / shortest;
                    bounds[i] = -(tier + 5 + bonus + 0.001);
                    order[i] = firstBlock + i;
                }
                Array.Sort(bounds, order, 0, blocks);
                var lowestOnPage = double.NegativeInfinity;
                for (int i = 0, scored = 0, recount = first; i < blocks; i++)
                {
                    if (best.Count >= first)
                    {
                        // The page's lowest score only grows as names are kept; it is counted again whenever the names
                        // scored have doubled, so counting costs no more than scoring.
                        if (scored >= recount) (lowestOnPage, recount) = (LowestOnPage(best.Values, first), 2 * scored);
                        if (-bounds[i] < lowestOnPage) break;
                    }
                    var from = Math.Max(start, order[i] * size);
                    var to = Math.Min(start + count, (order[i] + 1) * size);
                    for (var position = from; position < to; position++)
                    {
                        var text = index.NameInOrder(position);
                        Consider(text, NameTier(text));
                    }
                    scored += to - from;
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(bounds);
                ArrayPool<int>.Shared.Return(order);
            }
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

    // The first-th best of the scores kept so far.
    private static double LowestOnPage(Dictionary<(SearchItemKind, int), (SearchIndex.Text Text, double Score)>.ValueCollection kept, int first)
    {
        var scores = ArrayPool<double>.Shared.Rent(kept.Count);
        try
        {
            var n = 0;
            foreach (var (_, score) in kept) scores[n++] = -score;
            Array.Sort(scores, 0, n);
            return -scores[first - 1];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
        }
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
