using GraphQL.Types;

namespace Catalog.Api.Graph;

public static class NodeTypeExtensions
{
    /// <summary>Makes an object type a <c>Node</c> whose id is its type name and row id.</summary>
    public static void IsNode<T>(this ObjectGraphType<T> type, Func<T, long> id)
    {
        type.Interface<NodeInterface>();
        type.IsTypeOf = o => o is T;
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The global ID, for `node(id:)`.")
            .Resolve(context => GlobalId.Encode(type.Name, id(context.Source)));
    }
}
