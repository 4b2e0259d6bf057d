using Catalog.Api.Graph;
using GraphQL.Types;

namespace Catalog.Api.Telemetry;

public sealed class VersionQueries : IQueryFields
{
    public void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ServiceVersionType>, BuildVersion>("version")
            .Description("The build of Catalog that answers this request, so an operator knows what runs.")
            .Resolve(_ => BuildVersion.Current);
}
