using Catalog.Api.Graph;
using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class AddTechnologyAliasInputType : InputObjectGraphType<AddTechnologyAliasInput>
{
    public AddTechnologyAliasInputType()
    {
        Name = "AddTechnologyAliasInput";
        Description = "An alias to add to a technology.";
        Field<NonNullGraphType<StringGraphType>>("technology").Description("The technology: a slug, name or existing alias.");
        Field<NonNullGraphType<StringGraphType>>("alias").Description("The new alias text; no other technology may have it.");
        Field<NonNullGraphType<AliasKindType>>("kind").Description("How the alias relates to the name.").DefaultValue(AliasKind.Other);
        Field<LangType>("lang").Description("The alias's language, when it has one.");
        Field<NonNullGraphType<BooleanGraphType>>("caseSensitive").Description("Match the alias in running text only with this exact case.").DefaultValue(false);
    }
}
