using Catalog.Api.Graph;
using Catalog.Api.Graph.Paging;
using Catalog.Api.Snapshot;
using GraphQL;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyQueries : IQueryFields
{
    public bool ReadsTheSnapshot => true;

    private static readonly SortKey<Technology, string> ByName = SortKey.ByName<Technology>(t => t.Name);
    private static readonly SortKey<Technology, int> ByMentions = SortKey.ByNumber<Technology>(t => -t.MentionCount);

    public void AddTo(ObjectGraphType query)
    {
        query.Field<TechnologyType>("technology")
            .Description("A technology by its slug or any of its names and aliases (abbreviations, readings, the notes' spellings and typos), ignoring case: `k8s`, `KUBERNETES`, `concurse ci` and `ロケット` all resolve.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "A slug, name or alias.")
            .Resolve(c => c.Catalog().FindTechnology(c.GetArgument<string>("slug")));

        query.ConnectionField<object?, TechnologyType, Technology>("technologies")
            .Description("Technologies, filtered and ordered. " + PageSize.Describe("technologies"))
            .Argument<StringGraphType>("category", "Only technologies in this category (slug or alias) or, for a top-level category, in its subcategories.")
            .Argument<StringGraphType>("organization", "Only technologies this organisation (slug) maintains or created.")
            .Argument<StringGraphType>("event", "Only technologies mentioned in the talks of this event (slug).")
            .Argument<TechnologyKindType>("kind", "Only technologies of this kind.")
            .Argument<MaturityType>("maturity", "Only CNCF projects at this maturity level (GRADUATED, INCUBATING, SANDBOX, ARCHIVED).")
            .Argument<TechnologyOrderType>("orderBy", a => { a.DefaultValue = TechnologyOrder.Name; a.Description = "The order."; })
            .Resolve(c => Page(c, new TechnologyFilter(
                c.GetArgument<string?>("category"), true, c.GetArgument<string?>("organization"), c.GetArgument<string?>("event"),
                c.GetArgument<TechnologyKind?>("kind"), c.GetArgument("orderBy", TechnologyOrder.Name), Maturity: c.GetArgument<Maturity?>("maturity"))));
    }

    /// <summary>A page of technologies: the snapshot's list in the order asked for, narrowed by each filter given.</summary>
    public static CatalogConnection<Technology> Page(IResolveFieldContext context, TechnologyFilter filter)
    {
        var catalog = context.Catalog();
        var categoryId = filter.CategoryId;
        if (categoryId is null && filter.Category is { } category)
            categoryId = (catalog.FindCategory(category) ?? throw NotFound("category", category)).Id;

        // By name within one category and no other filter: the snapshot keeps that very list.
        if (filter is { Order: TechnologyOrder.Name, Organization: null, Event: null, Kind: null, Maturity: null } && categoryId is { } only)
            return Keyset.Page(catalog.TechnologiesIn(only, filter.IncludeSubcategories), ByName, context.First(), context.After());

        IEnumerable<Technology> rows = filter.Order == TechnologyOrder.Mentions ? catalog.TechnologiesByMentions : catalog.TechnologiesByName;
        if (categoryId is { } id)
        {
            var members = catalog.TechnologyIdsIn(id, filter.IncludeSubcategories);
            rows = rows.Where(t => members.Contains(t.Id));
        }
        if (filter.Organization is { } organization)
        {
            var makes = catalog.OrganizationsBySlug.TryGetValue(organization, out var maker)
                ? catalog.TechnologiesOfOrganization[maker.Id].Select(m => m.TechnologyId).ToHashSet()
                : [];
            rows = rows.Where(t => makes.Contains(t.Id));
        }
        if (filter.Event is { } ev)
        {
            var mentioned = catalog.EventsBySlug.TryGetValue(ev, out var found) ? catalog.TechnologiesOfEvent.GetValueOrDefault(found.Id) ?? [] : [];
            rows = rows.Where(t => mentioned.Contains(t.Id));
        }
        if (filter.Kind is { } kind) rows = rows.Where(t => t.Kind == kind);
        if (filter.Maturity is { } maturity) rows = rows.Where(t => t.Maturity == maturity);
        var list = rows as IReadOnlyList<Technology> ?? [.. rows];
        return filter.Order == TechnologyOrder.Mentions
            ? Keyset.Page(list, ByMentions, context.First(), context.After())
            : Keyset.Page(list, ByName, context.First(), context.After());
    }

    internal static ExecutionError NotFound(string what, string key) =>
        new($"There is no {what} '{key}'.") { Code = ErrorCodes.NotFound };
}
