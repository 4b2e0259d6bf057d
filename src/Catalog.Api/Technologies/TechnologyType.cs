using Catalog.Api.Categories;
using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Notes;
using Catalog.Api.Snapshot;
using Catalog.Api.Talks;
using GraphQL;
using GraphQL.Types;

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
            .Resolve(c => DefinitionView.Pick(Definitions(c), c.GetArgument<Lang>("lang"))?.Definition.Short);
        Field<DefinitionType>("localizedDefinition")
            .Description("The definition in `lang` with its long form and source, or the other language's, marked as a fallback.")
            .Argument<LangType>("lang", a => { a.DefaultValue = Lang.En; a.Description = "The language wanted."; })
            .Resolve(c => DefinitionView.Pick(Definitions(c), c.GetArgument<Lang>("lang")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DefinitionType>>>>("definitions")
            .Description("Every definition, one per language.")
            .Resolve(c => Definitions(c) is var (definitions, source) ? definitions.Select(d => new DefinitionView(d, d.Lang, source)) : []);
        Field<NonNullGraphType<DefinitionSourceType>>("definitionSource")
            .Description("Whether the definitions were written for the catalog (`CURATED`) or composed from the facts it holds (`FACTS`), for a technology no one has defined yet.")
            .Resolve(c => Definitions(c).Source);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AliasType>>>>("aliases")
            .Description("Other forms of the name: abbreviations, readings, former names, and the spellings the notes use (typos included).")
            .Resolve(c => c.Catalog().AliasesOf[c.Source.Id]);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The categories this technology belongs to, primary first.")
            .Resolve(c => c.Catalog().CategoriesOf[c.Source.Id]);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyMakerType>>>>("organizations")
            .Description("The organisations that maintain or created this technology.")
            .Resolve(c => c.Catalog().MakersOf[c.Source.Id]);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TechnologyRelationType>>>>("related")
            .Description("Typed relations to other technologies, in both directions.")
            .Argument<RelationKindType>("kind", "Only relations of this kind.")
            .Argument<RelationDirectionType>("direction", "Only relations where this technology is the subject (OUTGOING) or the object (INCOMING).")
            .Resolve(c =>
            {
                var kind = c.GetArgument<RelationKind?>("kind");
                var direction = c.GetArgument<RelationDirection?>("direction");
                return c.Catalog().RelationsOf[c.Source.Id].Where(v => (kind is null || v.Relation.Kind == kind) && (direction is null || v.Direction == direction));
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TalkType>>>>("talks")
            .Description("The talks whose notes mention this technology, in the order of the notes.")
            .Resolve(c => c.Catalog().TalksOf.GetValueOrDefault(c.Source.Id) ?? []);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MentionType>>>>("mentions")
            .Description("Every place the notes name this technology: the matched text, the whole line and its number.")
            .Resolve(c => c.Catalog().MentionsOf[c.Source.Id]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }

    private static (IReadOnlyList<TechnologyDefinition> Definitions, DefinitionSource Source) Definitions(IResolveFieldContext<Technology> c) =>
        c.Catalog().DefinitionsFor(c.Source.Id);
}
