using GraphQL.Types;

namespace Catalog.Api.Technologies;

public sealed class MaturityType : EnumerationGraphType<Maturity>
{
    public MaturityType()
    {
        Name = "Maturity";
        Description = "A project's maturity level at the Cloud Native Computing Foundation (CNCF), as the CNCF landscape records it.";
    }
}
