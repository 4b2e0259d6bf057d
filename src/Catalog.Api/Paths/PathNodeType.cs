using Catalog.Api.Graph;
using Catalog.Api.Graph.Plans;
using GraphQL.Types;

namespace Catalog.Api.Paths;

public sealed class PathNodeType : ObjectGraphType<PathNode>
{
    public PathNodeType()
    {
        Name = "PathNode";
        Description = "A technology, talk or organisation on a path.";
        Field(n => n.Name).Description("Its name; a talk's title.");
        Field(n => n.Slug).Description("Its slug.");
        Field(n => n.Type).Description("What it is: \"Technology\", \"Talk\" or \"Organization\".");
        Field<NonNullGraphType<NodeInterface>>("node").Description("The object itself, to select more of its fields.").Resolve(c => c.Source.Node);
        // Every field above reads the snapshot and nothing else: an execution plan may resolve it.
        this.FieldsReadTheSnapshot();
    }
}
