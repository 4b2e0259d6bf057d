using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Paths;

public sealed class TechnologyPathType : ObjectGraphType<TechnologyPath>
{
    public TechnologyPathType()
    {
        Name = "TechnologyPath";
        Description = "A shortest path between two technologies through typed relations, shared talks and shared organisations.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("The number of steps; 0 when both ends are the same technology.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathStepType>>>>("steps")
            .Description("The steps in order: the first starts at `from`, each starts where the previous one ended, the last ends at `to`.")
            .Resolve(c => c.Source.Steps);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
