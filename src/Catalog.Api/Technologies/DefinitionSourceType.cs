using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class DefinitionSourceType : EnumerationGraphType<DefinitionSource>
{
    public DefinitionSourceType()
    {
        Name = "DefinitionSource";
        Description = "Where a definition's words come from: written for the catalog, or composed from the facts it holds.";
    }
}
