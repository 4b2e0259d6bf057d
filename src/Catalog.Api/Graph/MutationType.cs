using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Change the catalog. Needs an API key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`; without one, or with a wrong one, the error has code UNAUTHENTICATED and nothing changes. Changes made here last until the next import of a changed seed, which replaces the catalog with the seed's content.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal)) feature.AddTo(this);
    }
}
