using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class CatalogSchema : Schema
{
    public CatalogSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "Catalog: a graph of cloud-native technologies, the talks that covered them and the notes that mention them.";
    }
}
