using Catalog.Api.Data;
using Catalog.Api.Categories;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Loading;
using Catalog.Api.Notes;
using Catalog.Api.Talks;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Technologies;

public sealed class TechnologyType : ObjectGraphType<Technology>
{
    public TechnologyType()
    {
        Name = "Technology";
        Description = "A project, product, cloud service, specification, protocol, concept or kernel feature that the notes mention.";
        this.IsNode(t => t.Id);
        Field(t => t.Slug).Description("The unique, URL-safe key.");
        Field(t => t.Name).Description("The usual spelling of the name.");
        Field<NonNullGraphType<TechnologyKindType>>("kind").Description("What sort of thing this is.").Resolve(c => c.Source.Kind);
        Field(t => t.Homepage, nullable: true).Description("The official site, when there is one.");
        Field(t => t.Repository, nullable: true).Description("The source repository, when there is one.");
        Field<MaturityType>("maturity")
            .Description("The project's maturity level at the CNCF, as the CNCF landscape records it; null for a technology that is not a CNCF project.")
            .Resolve(c => c.Source.Maturity);
        Field<LandscapeEntryType>("landscape")
            .Description("Where the CNCF Cloud Native Landscape lists this technology, with its facts; null when the landscape does not list it.")
            .Resolve(c => c.Source.Landscape);

        Field<StringGraphType>("definition")
            .Description("The short definition in `lang`; when none exists in that language, the other language's (see `localizedDefinition.isFallback`).")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language wanted."; })
            .Resolve(c => Definitions(c).Then(d => DefinitionView.Pick(d, c.GetArgument<Lang>("lang"))?.Definition.Short));
        Field<DefinitionType>("localizedDefinition")
            .Description("The definition in `lang` with its long form and source, or the other language's, marked as a fallback.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language wanted."; })
            .Resolve(c => Definitions(c).Then(d => DefinitionView.Pick(d, c.GetArgument<Lang>("lang"))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DefinitionType>>>>("definitions")
            .Description("Every definition, one per language.")
            .Resolve(c => Definitions(c).Then(d => d.Select(x => new DefinitionView(x, x.Lang)).ToList()));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AliasType>>>>("aliases")
            .Description("Other forms of the name: abbreviations, readings, former names, and the spellings the notes use (typos included).")
            .Resolve(c => c.Loaders().LoadMany<int, TechnologyAlias>("technology.aliases", c.Source.Id, async (db, ids, ct) =>
                (await db.TechnologyAliases.AsNoTracking()
                    .Where(a => ids.Contains(a.TechnologyId) && a.Kind != AliasKind.Name && a.Kind != AliasKind.Slug)
                    .OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.TechnologyId)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The categories this technology belongs to, primary first.")
            .Resolve(c => c.Loaders().LoadMany<int, Category>("technology.categories", c.Source.Id, async (db, ids, ct) =>
                (await db.TechnologyCategories.AsNoTracking().Where(tc => ids.Contains(tc.TechnologyId))
                    .OrderBy(tc => tc.Position).Select(tc => new { tc.TechnologyId, tc.Category }).ToListAsync(ct))
                .ToLookup(x => x.TechnologyId, x => x.Category!)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyMakerType>>>>("organizations")
            .Description("The organisations that maintain or created this technology.")
            .Resolve(c => c.Loaders().LoadMany<int, TechnologyOrganization>("technology.organizations", c.Source.Id, async (db, ids, ct) =>
                (await db.TechnologyOrganizations.AsNoTracking().Where(o => ids.Contains(o.TechnologyId))
                    .OrderBy(o => o.Role).ThenBy(o => o.OrganizationId).ToListAsync(ct)).ToLookup(o => o.TechnologyId)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyRelationType>>>>("related")
            .Description("Typed relations to other technologies, in both directions.")
            .Argument<RelationKindType>("kind", "Only relations of this kind.")
            .Argument<RelationDirectionType>("direction", "Only relations where this technology is the subject (OUTGOING) or the object (INCOMING).")
            .Resolve(c =>
            {
                var kind = c.GetArgument<RelationKind?>("kind");
                var direction = c.GetArgument<RelationDirection?>("direction");
                return c.Loaders().LoadMany<int, RelationView>("technology.related", c.Source.Id, async (db, ids, ct) =>
                {
                    var relations = await db.TechnologyRelations.AsNoTracking()
                        .Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).OrderBy(r => r.Id).ToListAsync(ct);
                    return relations
                        .SelectMany(r => new[] { (Key: r.FromId, View: new RelationView(r, RelationDirection.Outgoing)), (Key: r.ToId, View: new RelationView(r, RelationDirection.Incoming)) })
                        .ToLookup(x => x.Key, x => x.View);
                }).Then(views => views.Where(v => (kind is null || v.Relation.Kind == kind) && (direction is null || v.Direction == direction)).ToList());
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The talks whose notes mention this technology, in the order of the notes.")
            .Resolve(c => c.Loaders().LoadMany<int, Talk>("technology.talks", c.Source.Id, async (db, ids, ct) =>
                (await TalksOf.ReadAsync(db, [OwnSql.Integers(ids)], row => (TechnologyId: row.GetInt32(0), Talk: EntityRows.Talk(row, 1)), ct))
                .ToLookup(x => x.TechnologyId, x => x.Talk)));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every place the notes name this technology: the matched text, the whole line and its number.")
            .Resolve(c => c.Loaders().LoadMany<int, Mention>("technology.mentions", c.Source.Id, async (db, ids, ct) =>
                (await db.Mentions.AsNoTracking().Where(m => ids.Contains(m.TechnologyId))
                    .OrderBy(m => m.Line).ThenBy(m => m.Column).ThenBy(m => m.SectionId).ToListAsync(ct)).ToLookup(m => m.TechnologyId)));
    }

    private static GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<TechnologyDefinition>> Definitions(IResolveFieldContext<Technology> c) =>
        c.Loaders().LoadMany<int, TechnologyDefinition>("technology.definitions", c.Source.Id, async (db, ids, ct) =>
            (await db.TechnologyDefinitions.AsNoTracking().Where(d => ids.Contains(d.TechnologyId)).OrderBy(d => d.Lang).ToListAsync(ct))
            .ToLookup(d => d.TechnologyId));

    // Job 1's second step for any number of technologies, in the order of the notes (the first section of a talk that
    // mentions the technology).
    private static readonly OwnSql TalksOf = new($"""
        SELECT x.technology_id, {EntityRows.Select(EntityRows.TalkColumns, "k")}
        FROM (
            SELECT DISTINCT ON (m.technology_id, s.talk_id) m.technology_id, s.talk_id, s.position
            FROM mentions m JOIN sections s ON s.id = m.section_id
            WHERE m.technology_id = ANY(@ids) AND s.talk_id IS NOT NULL
            ORDER BY m.technology_id, s.talk_id, s.position
        ) x
        JOIN talks k ON k.id = x.talk_id
        ORDER BY x.technology_id, x.position, k.id
        """, "ids");
}
