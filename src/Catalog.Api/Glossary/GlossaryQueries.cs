using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;
using Npgsql;
using NpgsqlTypes;

namespace Catalog.Api.Glossary;

public sealed class GlossaryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlossaryEntryType>>>>("glossary")
            .Description(
                "Every technology, ordered by name, with what a glossary widget needs: the terms to underline in running text and the " +
                "tooltip's short definition, category names and talk titles, in `lang` (falling back to the other language per definition). " +
                "Cheap whatever the catalog's size: one SQL command. Cacheable: ask for it by GET.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language of the page the widget runs on."; })
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await BuildAsync(db, c.GetArgument("lang", Lang.En), c.CancellationToken);
            });

    // One row per technology with every list already gathered: each kind of fact is aggregated once per table
    // (hash joins, not a look-up per technology, so the cost grows linearly with the catalog) and only the columns the
    // widget shows travel. The definition is the one in @lang, else the other language's. A technology with no
    // definition at all is left out (the importer requires one per language, so in practice none is).
    private static readonly OwnSql Sql = new("""
        WITH terms AS (
            SELECT technology_id,
                array_agg(text ORDER BY kind <> 'name', id) FILTER (WHERE NOT case_sensitive) AS any_case,
                array_agg(text ORDER BY kind <> 'name', id) FILTER (WHERE case_sensitive) AS exact_case
            FROM technology_aliases
            WHERE match
            GROUP BY technology_id
        ),
        definitions AS (
            SELECT DISTINCT ON (technology_id) technology_id, short, lang
            FROM technology_definitions
            ORDER BY technology_id, lang = @lang DESC, lang
        ),
        categories AS (
            SELECT tc.technology_id,
                array_agg(CASE WHEN @lang = 'ja' THEN c.name_ja ELSE c.name_en END ORDER BY tc.position, c.id) AS names
            FROM technology_categories tc
            JOIN categories c ON c.id = tc.category_id
            GROUP BY tc.technology_id
        ),
        talks AS (
            SELECT x.technology_id, array_agg(x.title ORDER BY x.position, x.id) AS titles
            FROM (
                SELECT DISTINCT m.technology_id, s.position, k.id, k.title
                FROM mentions m
                JOIN sections s ON s.id = m.section_id
                JOIN talks k ON k.id = s.talk_id
            ) x
            GROUP BY x.technology_id
        )
        SELECT t.slug, t.name, d.short AS definition, d.lang AS definition_lang, coalesce(t.homepage, t.repository) AS url,
            coalesce(a.any_case, ARRAY[]::text[]) AS terms, coalesce(a.exact_case, ARRAY[]::text[]) AS case_sensitive_terms,
            coalesce(c.names, ARRAY[]::text[]) AS categories, coalesce(k.titles, ARRAY[]::text[]) AS talks
        FROM technologies t
        JOIN definitions d ON d.technology_id = t.id
        LEFT JOIN terms a ON a.technology_id = t.id
        LEFT JOIN categories c ON c.technology_id = t.id
        LEFT JOIN talks k ON k.technology_id = t.id
        ORDER BY lower(t.name), t.id
        """, "lang");

    /// <summary>The whole glossary in one SQL command: the widget asks for all of it at once.</summary>
    public static Task<List<GlossaryEntry>> BuildAsync(CatalogDbContext db, Lang lang, CancellationToken ct) =>
        Sql.ReadAsync(db, [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = EnumText<Lang>.ToText(lang) }], row => new GlossaryEntry(
                Slug: row.GetString(0),
                Name: row.GetString(1),
                Definition: row.GetString(2),
                DefinitionLang: EnumText<Lang>.Parse(row.GetString(3)),
                Url: row.IsDBNull(4) ? null : row.GetString(4),
                Terms: Distinct(row.GetFieldValue<string[]>(5), StringComparer.OrdinalIgnoreCase),
                CaseSensitiveTerms: Distinct(row.GetFieldValue<string[]>(6), StringComparer.Ordinal),
                Categories: row.GetFieldValue<string[]>(7),
                Talks: Distinct(row.GetFieldValue<string[]>(8), StringComparer.Ordinal)),
            ct);

    private static string[] Distinct(string[] texts, StringComparer comparer) =>
        texts.Length < 2 ? texts : texts.Distinct(comparer).ToArray();
}
