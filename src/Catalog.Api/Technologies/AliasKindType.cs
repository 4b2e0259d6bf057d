using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class AliasKindType : EnumerationGraphType<AliasKind>
{
    public AliasKindType()
    {
        Name = "AliasKind";
        Description = "How an alias relates to the name: an abbreviation, a reading, a former name, a spelling the notes use...";
    }
}
