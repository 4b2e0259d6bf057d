using GraphQL.Types;

namespace Catalog.Api.Graph;

public sealed class MutationType : ObjectGraphType
{
    public MutationType(IEnumerable<IMutationFields> features)
    {
        Name = "Mutation";
        Description = "Change the catalog. Needs an API key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`; without one, or with a wrong one, the error has code UNAUTHENTICATED and nothing changes. Every import makes the catalog hold exactly the effective seed (the seed folder and the files imported with `importNotes`): the start-up import when that seed changed, the `import` command, and every `importNotes` and `removeImportedNotes` call. So changes made with `addTechnologyAlias` and `setTechnologyDefinition` last until the next import.";
        foreach (var feature in features.OrderBy(f => f.GetType().Name, StringComparer.Ordinal)) feature.AddTo(this);
    }
}
