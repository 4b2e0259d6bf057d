using GraphQL.Types;

namespace Catalog.Api.Telemetry;

public sealed class ServiceVersionType : ObjectGraphType<BuildVersion>
{
    public ServiceVersionType()
    {
        Name = "ServiceVersion";
        Description = "The build of Catalog that answers: the commit it was built from and when.";
        Field(v => v.Commit).Description("The git commit the service was built from, or \"unknown\" when the build could not tell.");
        Field(v => v.BuiltAt).Description("When the service was built, in UTC (ISO 8601), or \"unknown\".");
    }
}
