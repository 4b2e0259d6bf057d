using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;
using Npgsql;

namespace Catalog.Api.Glossary;

public sealed class GlossaryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlossaryEntryType>>>>("glossary")
            .Description(
                "Every technology, ordered by name, with what a glossary widget needs: the terms to underline in running text and the " +
                "tooltip's short definition, category names and talk titles, in `lang` (falling back to the other language per definition). " +
                "Cheap whatever the catalog's size: one round trip to the database. Cacheable: ask for it by GET.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language of the page the widget runs on."; })
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await BuildAsync(db, c.GetArgument("lang", Lang.En), c.CancellationToken);
            });

    // Five flat statements in one round trip, each sorted once the way its lists are shown, and put together here:
    // aggregating the lists in PostgreSQL sorted every technology's list on its own, which cost more than the whole
    // rest. Only the columns the widget shows travel. The definition is the one in @lang, else the other language's;
    // a technology with no definition at all is left out (the importer requires one per language, so none is).
    private static readonly OwnSql Technologies = new("""
        SELECT t.id, t.slug, t.name, coalesce(t.homepage, t.repository)
        FROM technologies t
        ORDER BY lower(t.name), t.id
        """);

    private static readonly OwnSql Terms = new("""
        SELECT a.technology_id, a.text, a.case_sensitive
        FROM technology_aliases a
        WHERE a.match
        ORDER BY a.technology_id, a.kind <> 'name', a.id
        """);

    private static readonly OwnSql Definitions = new("""
        SELECT DISTINCT ON (d.technology_id) d.technology_id, d.short, d.lang
        FROM technology_definitions d
        ORDER BY d.technology_id, d.lang = @lang DESC, d.lang
        """, "lang");

    private static readonly OwnSql CategoryNames = new("""
        SELECT tc.technology_id, CASE WHEN @lang = 'ja' THEN c.name_ja ELSE c.name_en END
        FROM technology_categories tc
        JOIN categories c ON c.id = tc.category_id
        ORDER BY tc.technology_id, tc.position, c.id
        """, "lang");

    private static readonly OwnSql TalkTitles = new("""
        SELECT x.technology_id, k.title
        FROM (
            SELECT DISTINCT m.technology_id, s.position, s.talk_id
            FROM mentions m
            JOIN sections s ON s.id = m.section_id
            WHERE s.talk_id IS NOT NULL
        ) x
        JOIN talks k ON k.id = x.talk_id
        ORDER BY x.technology_id, x.position, x.talk_id
        """);

    /// <summary>The whole glossary in one round trip: the widget asks for all of it at once.</summary>
    public static Task<List<GlossaryEntry>> BuildAsync(CatalogDbContext db, Lang lang, CancellationToken ct) =>
        OwnSql.ReadBatchAsync(db,
            [
                (Technologies, []),
                (Terms, []),
                (Definitions, [LangValue(lang)]),
                (CategoryNames, [LangValue(lang)]),
                (TalkTitles, []),
            ],
            async (row, token) =>
            {
                var technologies = new List<(int Id, string Slug, string Name, string? Url)>();
                while (await row.ReadAsync(token).ConfigureAwait(false))
                    technologies.Add((row.GetInt32(0), row.GetString(1), row.GetString(2), row.IsDBNull(3) ? null : row.GetString(3)));

                var anyCase = new Dictionary<int, List<string>>();
                var exactCase = new Dictionary<int, List<string>>();
                await row.NextResultAsync(token).ConfigureAwait(false);
                while (await row.ReadAsync(token).ConfigureAwait(false))
                    Add(row.GetBoolean(2) ? exactCase : anyCase, row.GetInt32(0), row.GetString(1));

                var definitions = new Dictionary<int, (string Text, Lang Lang)>();
                await row.NextResultAsync(token).ConfigureAwait(false);
                while (await row.ReadAsync(token).ConfigureAwait(false))
                    definitions[row.GetInt32(0)] = (row.GetString(1), EnumText<Lang>.Parse(row.GetString(2)));

                var categories = await ListsAsync(row, token).ConfigureAwait(false);
                var talks = await ListsAsync(row, token).ConfigureAwait(false);

                var entries = new List<GlossaryEntry>(technologies.Count);
                foreach (var (id, slug, name, url) in technologies)
                {
                    if (!definitions.TryGetValue(id, out var definition)) continue;
                    entries.Add(new GlossaryEntry(
                        slug,
                        name,
                        Distinct(anyCase.GetValueOrDefault(id), StringComparer.OrdinalIgnoreCase),
                        Distinct(exactCase.GetValueOrDefault(id), StringComparer.Ordinal),
                        definition.Text,
                        definition.Lang,
                        categories.GetValueOrDefault(id) ?? [],
                        Distinct(talks.GetValueOrDefault(id), StringComparer.Ordinal),
                        url));
                }
                return entries;
            },
            ct);

    private static NpgsqlParameter LangValue(Lang lang) => OwnSql.Text(EnumText<Lang>.ToText(lang));

    /// <summary>The next result's (technology id, text) rows as a list of texts per technology, in row order.</summary>
    private static async Task<Dictionary<int, List<string>>> ListsAsync(NpgsqlDataReader row, CancellationToken ct)
    {
        var lists = new Dictionary<int, List<string>>();
        await row.NextResultAsync(ct).ConfigureAwait(false);
        while (await row.ReadAsync(ct).ConfigureAwait(false)) Add(lists, row.GetInt32(0), row.GetString(1));
        return lists;
    }

    private static void Add(Dictionary<int, List<string>> lists, int id, string text)
    {
        if (!lists.TryGetValue(id, out var list)) lists[id] = list = [];
        list.Add(text);
    }

    private static List<string> Distinct(List<string>? texts, StringComparer comparer) =>
        texts is null ? [] : texts.Count < 2 ? texts : texts.Distinct(comparer).ToList();
}
