using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyKindType : EnumerationGraphType<TechnologyKind>
{
    public TechnologyKindType()
    {
        Name = "TechnologyKind";
        Description = "What sort of thing a technology is.";
    }
}

