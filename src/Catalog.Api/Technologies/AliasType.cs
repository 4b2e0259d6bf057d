using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using Catalog.Api.Snapshot;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class AliasType : ObjectGraphType<TechnologyAlias>
{
    public AliasType()
    {
        Name = "Alias";
        Description = "Another form a technology is known by: a short form, a reading, a former name, or a spelling (typos included) seen in the notes.";
        this.IsNode(a => a.Id);
        Field(a => a.Text).Description("The alias as written.");
        Field<NonNullGraphType<AliasKindType>>("kind").Description("How the alias relates to the name.").Resolve(c => c.Source.Kind);
        Field<LangType>("lang").Description("The language of the alias, when it belongs to one (a katakana reading is JA).").Resolve(c => c.Source.Lang);
        Field(a => a.CaseSensitive).Description("True when the alias only matches text with exactly this case.");
        Field<NonNullGraphType<BooleanGraphType>>("linksInText")
            .Description("True when the alias is matched in running text (notes, the glossary widget); false for look-up-only forms.")
            .Resolve(c => c.Source.Match);
        Field<NonNullGraphType<TechnologyType>>("technology").Description("The technology this alias names.")
            .Resolve(c => c.Catalog().Technologies[c.Source.TechnologyId]);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
