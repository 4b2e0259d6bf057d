using GraphQL.Types;

namespace Catalog.Api.Graph;

/// <summary>The Relay <c>Node</c> interface: anything with a global id that <c>node(id)</c> can fetch again.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "An object with a global, opaque ID that `node(id:)` resolves.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The object's global ID.");
    }
}
