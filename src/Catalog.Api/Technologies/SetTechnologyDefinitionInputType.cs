using Catalog.Api.Graph;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class SetTechnologyDefinitionInputType : InputObjectGraphType<SetTechnologyDefinitionInput>
{
    public SetTechnologyDefinitionInputType()
    {
        Name = "SetTechnologyDefinitionInput";
        Description = "A technology's definition in one language; replaces the one it has in that language.";
        Field<NonNullGraphType<StringGraphType>>("technology").Description("The technology: a slug, name or alias.");
        Field<NonNullGraphType<LangType>>("lang").Description("The definition's language.");
        Field<NonNullGraphType<StringGraphType>>("short").Description("A tooltip-sized definition.");
        Field<StringGraphType>("long").Description("A longer definition, in Markdown.");
        Field<StringGraphType>("sourceUrl").Description("Where the facts come from.");
    }
}
