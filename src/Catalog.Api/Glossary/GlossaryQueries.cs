// ToLower() in these queries is translated to SQL lower(); it never runs as .NET culture-sensitive code.
#pragma warning disable CA1304, CA1311

using Catalog.Api.Data;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Glossary;

public sealed class GlossaryQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlossaryEntryType>>>>("glossary")
            .Description(
                "Every technology, ordered by name, with what a glossary widget needs: the terms to underline in running text and the " +
                "tooltip's short definition, category names and talk titles, in `lang` (falling back to the other language per definition). " +
                "Cheap whatever the catalog's size: a fixed handful of SQL commands. Cacheable: ask for it by GET.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language of the page the widget runs on."; })
            .ResolveAsync(async c =>
            {
                await using var db = await c.DbAsync();
                return await BuildAsync(db, c.GetArgument("lang", Lang.En), c.CancellationToken);
            });

    /// <summary>
    /// The whole glossary from five set queries, one per kind of fact, joined in memory: the widget asks for all of
    /// it at once, so per-technology loaders would only add round trips. A technology with no definition at all is
    /// left out (the importer requires one per language, so in practice none is).
    /// </summary>
    public static async Task<List<GlossaryEntry>> BuildAsync(CatalogDbContext db, Lang lang, CancellationToken ct)
    {
        var technologies = await db.Technologies.AsNoTracking()
            .OrderBy(t => t.Name.ToLower()).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Slug, t.Name, t.Homepage, t.Repository })
            .ToListAsync(ct).ConfigureAwait(false);

        var aliases = (await db.TechnologyAliases.AsNoTracking()
                .Where(a => a.Match)
                .Select(a => new { a.TechnologyId, a.Text, a.CaseSensitive, IsName = a.Kind == AliasKind.Name, a.Id })
                .ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(a => a.IsName ? 0 : 1).ThenBy(a => a.Id)
            .ToLookup(a => a.TechnologyId);

        var definitions = (await db.TechnologyDefinitions.AsNoTracking()
                .OrderBy(d => d.Lang)
                .ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(d => d.TechnologyId);

        var categories = (await (from tc in db.TechnologyCategories
                                 join c in db.Categories on tc.CategoryId equals c.Id
                                 orderby tc.TechnologyId, tc.Position
                                 select new { tc.TechnologyId, c.NameEn, c.NameJa }).AsNoTracking().ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(x => x.TechnologyId, x => lang == Lang.Ja ? x.NameJa : x.NameEn);

        var talks = (await (from m in db.Mentions
                            join s in db.Sections on m.SectionId equals s.Id
                            join t in db.Talks on s.TalkId equals t.Id
                            select new { m.TechnologyId, s.Position, t.Id, t.Title }).AsNoTracking().Distinct().ToListAsync(ct).ConfigureAwait(false))
            .OrderBy(x => x.Position).ThenBy(x => x.Id)
            .ToLookup(x => x.TechnologyId, x => x.Title);

        var entries = new List<GlossaryEntry>(technologies.Count);
        foreach (var t in technologies)
        {
            if (DefinitionView.Pick(definitions[t.Id].ToList(), lang) is not { } definition) continue;
            var forms = aliases[t.Id].ToList();
            entries.Add(new GlossaryEntry(
                t.Slug,
                t.Name,
                forms.Where(a => !a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                forms.Where(a => a.CaseSensitive).Select(a => a.Text).Distinct(StringComparer.Ordinal).ToList(),
                definition.Definition.Short,
                definition.Definition.Lang,
                categories[t.Id].ToList(),
                talks[t.Id].Distinct(StringComparer.Ordinal).ToList(),
                t.Homepage ?? t.Repository));
        }
        return entries;
    }
}
