using Catalog.Api.Graph.Paging;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// The cost model of the complexity analyzer: every field costs 1, and what a field returns is multiplied by
/// how many items it can return. A field with a <c>first</c> argument (a connection, search) returns that many
/// (its default, or <see cref="PageSize.Default"/>, when not given; never more than <see cref="PageSize.Max"/>);
/// the lists of a connection (<c>edges</c>, <c>nodes</c>) add nothing more; any other list counts as
/// <see cref="PlainListSize"/> items. Introspection is free: its cost is bounded by the schema.
/// </summary>
internal static class ComplexityImpact
{
    public const int PlainListSize = 5;

    public static FieldComplexityResult Of(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (context.ParentType.Name.StartsWith("__", StringComparison.Ordinal) || field.Name.StartsWith("__", StringComparison.Ordinal)) return new(0, 1);
        if (field.Arguments?.Find("first") is { } firstArgument)
        {
            var first = context.Arguments?.TryGetValue("first", out var value) == true && value.Value is int given
                ? given
                : firstArgument.DefaultValue as int? ?? PageSize.Default;
            return new(1, Math.Clamp(first, 1, PageSize.Max));
        }
        if (!IsList(field.ResolvedType)) return new(1, 1);
        var parent = context.Parent;
        var inConnection = parent is { } p && p.FieldDefinition.Arguments?.Find("first") is not null && !IsList(p.FieldDefinition.ResolvedType);
        return new(1, inConnection ? 1 : PlainListSize);
    }

    private static bool IsList(IGraphType? type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;
}
