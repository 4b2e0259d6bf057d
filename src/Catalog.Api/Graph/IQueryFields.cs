using GraphQL.Types;

namespace Catalog.Api.Graph;

/// <summary>A feature's fields on the root Query type; each feature folder contributes its own.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
