using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Snapshot;
using Catalog.Api.Technologies;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Glossary;

public sealed class GlossaryQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<GlossaryEntryType>>>>("glossary")
            .Description(
                "Every technology, ordered by name, with what a glossary needs: the terms to underline in running text and the " +
                "tooltip's short definition, category names and talk titles, in `lang` (falling back to the other language per definition). " +
                "The whole list unless `first` is given; page through it with `first` and `after` (the slug of the last entry of the page before). " +
                "The whole list is built once per catalog version and kept in memory; a page is made for its request alone. Cacheable: ask for it by GET. " +
                "The widget itself does not download this list: it matches a page against the compact term index (`/widget/index/{version}`) " +
                "and then asks for the definitions of just the technologies found.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language of the page the glossary is for."; })
            .Argument<IntGraphType>("first", $"How many entries to return, at most {PageSize.Max}; every entry (after `after`) when not given.")
            .Argument<StringGraphType>("after", "Return the entries after the one with this slug: the last slug of the previous page.")
            .Resolve(c => Page(c.Catalog(), c.GetArgument("lang", Lang.En), c.GetArgument<int?>("first"), c.GetArgument<string?>("after")));

    /// <summary>
    /// The entries after the slug <paramref name="after"/> (all when null), <paramref name="first"/> of them (all when
    /// null). The whole list is the snapshot's, made once; a page's entries are made for it alone, so paging through
    /// a large catalog never holds the whole list (at 1000x the seed, tens of MB per language).
    /// </summary>
    public static IReadOnlyList<GlossaryEntry> Page(CatalogSnapshot catalog, Lang lang, int? first, string? after)
    {
        if (first is null && after is null) return catalog.Glossary(lang);
        var byName = catalog.TechnologiesByName;
        var size = first is null ? int.MaxValue : Keyset.Size(first);
        var start = 0;
        if (after is not null)
        {
            var last = catalog.FindTechnology(after) is { } found && found.Slug == after ? found : null;
            if (last is null)
                throw new ExecutionError($"No technology has the slug '{after}'; pass the slug of the last entry of the page before.") { Code = ErrorCodes.BadCursor };
            start = PositionByName(byName, last) + 1;
        }
        var page = new GlossaryEntry[Math.Max(0, Math.Min(size, byName.Count - start))];
        for (var i = 0; i < page.Length; i++) page[i] = GlossaryBuilder.Entry(catalog, byName[start + i], lang);
        return page;
    }

    // The glossary lists the technologies in the snapshot's name order: a binary search over (name key, id).
    private static int PositionByName(IReadOnlyList<Technology> byName, Technology technology)
    {
        var key = CatalogSnapshot.NameKey(technology.Name);
        int low = 0, high = byName.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var row = byName[middle];
            var order = string.CompareOrdinal(CatalogSnapshot.NameKey(row.Name), key);
            if (order < 0 || (order == 0 && row.Id < technology.Id)) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
