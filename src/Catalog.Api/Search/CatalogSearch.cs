using System.Text;
using System.Text.RegularExpressions;
using Catalog.Api.Data;
using Catalog.Api.Technologies;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Catalog.Api.Search;

/// <summary>
/// Ranked search over technologies (every name, alias and reading, and the short definitions), categories,
/// organisations and talk titles, in one SQL command. Texts are compared in their NFKC-folded lower-case form,
/// the form <see cref="TechnologyAlias.Normalize"/> gives; typos are caught with pg_trgm similarity.
/// </summary>
public static partial class CatalogSearch
{
    /// <summary>Score tiers, far enough apart that the bonuses within a tier (at most 17) never cross into the next.</summary>
    public const int Exact = 100, Prefix = 80, Substring = 60, Typo = 40, Definition = 20;

    public const int MaxQueryLength = Data.Configurations.Limits.Alias;

    // search_texts holds every searchable text already folded (kept by triggers, see the SearchTextsAndChangeNotices
    // migration); the candidate filters (LIKE, % and <%) use its GIN trigram index. Names containing the query come
    // first; definitions and the costly typo matching are read only when those name fewer items than asked for, since
    // neither a definition (tier 20) nor a typo (tier 40) can outrank a name containing the query (tier 60 and up).
    // Then every candidate is scored, the best text of each item kept, the items ranked, and each hit returned with
    // its item's whole row (as JSON, one shape for four tables).
    private const string Sql = """
        WITH names AS (
            SELECT x.kind, x.item_id AS id, x.matched, x.norm, x.lang, x.definition
            FROM search_texts x
            WHERE NOT x.definition AND x.norm LIKE $2
        ),
        few AS (
            SELECT count(DISTINCT (n.kind, n.id)) < $4 AS yes FROM names n
        ),
        texts AS (
            SELECT * FROM names
            UNION ALL
            SELECT x.kind, x.item_id, x.matched, x.norm, x.lang, x.definition
            FROM search_texts x
            WHERE (SELECT yes FROM few) AND (
                (x.definition AND x.norm LIKE $2)
                OR (NOT x.definition AND x.norm NOT LIKE $2 AND (x.norm % $1 OR $1 <% x.norm)))
        ),
        scored AS (
            SELECT x.kind, x.id, x.matched,
                CASE
                    WHEN x.definition THEN 20 + 10.0 * length($1) / greatest(length(x.norm), 1)
                    WHEN x.norm = $1 THEN 100
                    WHEN starts_with(x.norm, $1) THEN 80 + 10.0 * length($1) / length(x.norm)
                    WHEN strpos(x.norm, $1) > 0 THEN 60 + 10.0 * length($1) / length(x.norm)
                    ELSE 40 + 10.0 * greatest(similarity(x.norm, $1), 0.8 * word_similarity($1, x.norm))
                END
                + CASE WHEN $3 IS NULL OR x.lang IS NULL OR x.lang = $3 THEN 5 ELSE 0 END
                + CASE WHEN x.kind = 0 THEN least(2, 0.5 * ln(1 + t.mention_count)) ELSE 0 END AS score
            FROM texts x
            LEFT JOIN technologies t ON x.kind = 0 AND t.id = x.id
        ),
        best AS (
            SELECT DISTINCT ON (kind, id) kind, id, matched, score
            FROM scored
            ORDER BY kind, id, score DESC, length(matched), matched
        )
        SELECT b.kind, b.id, b.matched, round(b.score::numeric, 3)::double precision AS score
        FROM best b
        ORDER BY b.score DESC, b.kind, b.id
        LIMIT $4
        """;

    /// <summary>The query as it is compared: NFKC-folded, lower case, trimmed, inner runs of white space made one space.</summary>
    public static string NormalizeQuery(string query) => WhiteSpace().Replace(TechnologyAlias.Normalize(query), " ");

    /// <summary>
    /// Runs the search for an already normalised, non-empty query; each hit's item is read from
    /// <paramref name="catalog"/> (a hit the snapshot does not hold yet, written since it was built, is left out).
    /// </summary>
    public static async Task<List<SearchResult>> SearchAsync(
        CatalogDbContext db, Snapshot.CatalogSnapshot catalog, string normalizedQuery, Lang? lang, int first, CancellationToken ct)
    {
        if (first == 0) return [];
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = normalizedQuery });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = $"%{EscapeLike(normalizedQuery)}%" });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = lang is { } l ? EnumText<Lang>.ToText(l) : DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = first });
            var hits = new List<SearchResult>(first);
            await using var row = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await row.ReadAsync(ct).ConfigureAwait(false))
            {
                var kind = (SearchItemKind)row.GetInt32(0);
                if (Item(catalog, kind, row.GetInt32(1)) is { } item)
                    hits.Add(new SearchResult(kind, row.GetInt32(1), row.GetString(2), row.GetDouble(3), item));
            }
            return hits;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Makes LIKE's wildcards in the user's text literal (backslash is PostgreSQL's default LIKE escape).</summary>
    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static object? Item(Snapshot.CatalogSnapshot catalog, SearchItemKind kind, int id) => kind switch
    {
        SearchItemKind.Technology => catalog.Technologies.GetValueOrDefault(id),
        SearchItemKind.Category => catalog.Categories.GetValueOrDefault(id),
        SearchItemKind.Organization => catalog.Organizations.GetValueOrDefault(id),
        _ => catalog.Talks.GetValueOrDefault(id),
    };
}
