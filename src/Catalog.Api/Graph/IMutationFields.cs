using GraphQL.Types;

namespace Catalog.Api.Graph;

/// <summary>A feature's fields on the root Mutation type; every one of them needs an API key.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
