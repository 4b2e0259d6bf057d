using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Paths;

public sealed class PathStepType : ObjectGraphType<PathStep>
{
    public PathStepType()
    {
        Name = "PathStep";
        Description = "One step of a path, in the direction walked.";
        Field<NonNullGraphType<PathNodeType>>("from").Description("Where the step starts.").Resolve(c => c.Source.From);
        Field<NonNullGraphType<PathNodeType>>("to").Description("Where the step ends.").Resolve(c => c.Source.To);
        Field(s => s.Via).Description(
            "How `from` leads to `to`, read as \"from VIA to\". Along a relation: \"uses\", \"implements\", \"alternative to\", \"part of\", " +
            "\"integrates with\"; against one (walking it backwards): \"used by\", \"implemented by\", \"has part\" (\"alternative to\" and " +
            "\"integrates with\" read the same both ways). Through a talk: \"mentioned in talk\" (technology to talk), \"talk mentions\" " +
            "(talk to technology). Through an organisation: \"made by\" (technology to its maintainer or creator), \"makes\" (back).");
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
