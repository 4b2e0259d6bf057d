using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class TechnologyOrderType : EnumerationGraphType<TechnologyOrder>
{
    public TechnologyOrderType()
    {
        Name = "TechnologyOrder";
        Description = "The order of a technologies list; ties are broken by id.";
    }
}
