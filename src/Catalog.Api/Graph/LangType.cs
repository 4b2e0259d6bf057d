using Catalog.Api.Technologies;
using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class LangType : EnumerationGraphType<Lang>
{
    public LangType()
    {
        Name = "Lang";
        Description = "A language Catalog writes definitions and names in.";
    }
}
