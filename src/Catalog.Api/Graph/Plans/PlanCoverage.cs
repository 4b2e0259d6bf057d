using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Catalog.Api.Graph.Plans;

/// <summary>
/// Whether an execution plan covers an operation: a query whose every selected field, through every fragment and on
/// every object type a selection may meet, is a pure read of the snapshot (<see cref="SnapshotReads"/>), and whose
/// only directives are <c>@skip</c> and <c>@include</c>. Decided once per document and operation, on the document
/// as GraphQL.NET parsed and validated it.
/// </summary>
public static class PlanCoverage
{
    public static bool Covers(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        if (operation.Operation != OperationType.Query || operation.Directives is { Count: > 0 } || schema.Query is not { } query) return false;
        return new Walk(schema, document).Covers(query, operation.SelectionSet);
    }

    private sealed class Walk(ISchema schema, GraphQLDocument document)
    {
        // A selection set is checked once per type it is met on: a fragment spread many times costs one check.
        private readonly HashSet<(GraphQLSelectionSet, IGraphType)> _checked = [];

        public bool Covers(IGraphType parent, GraphQLSelectionSet selections)
        {
            if (!_checked.Add((selections, parent))) return true;
            foreach (var selection in selections.Selections)
            {
                if (selection is IHasDirectivesNode { Directives: { } directives } && !OnlySkipOrInclude(directives)) return false;
                var covered = selection switch
                {
                    GraphQLField field => CoversField(parent, field),
                    GraphQLInlineFragment inline => (inline.TypeCondition is null ? parent : schema.AllTypes[inline.TypeCondition.Type.Name]) is { } type
                        && Covers(type, inline.SelectionSet),
                    GraphQLFragmentSpread spread => document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment
                        && fragment.Directives is not { Count: > 0 }
                        && schema.AllTypes[fragment.TypeCondition.Type.Name] is { } type
                        && Covers(type, fragment.SelectionSet),
                    _ => false,
                };
                if (!covered) return false;
            }
            return true;
        }

        private bool CoversField(IGraphType parent, GraphQLField field)
        {
            if (field.Name.Value == "__typename") return field.SelectionSet is null;
            var found = false;
            foreach (var type in ObjectTypes(parent))
            {
                // Introspection (__schema, __type) is not a field of any object type, so it is never covered.
                if (type.GetField(field.Name.Value) is not { } definition) continue;
                if (!definition.IsSnapshotRead(type)) return false;
                found = true;
                if (field.SelectionSet is { } below && !Covers(definition.ResolvedType!.GetNamedType(), below)) return false;
            }
            return found;
        }

        private static IEnumerable<IObjectGraphType> ObjectTypes(IGraphType type) => type switch
        {
            IObjectGraphType one => [one],
            IAbstractGraphType many => many.PossibleTypes,
            _ => [],
        };

        private static bool OnlySkipOrInclude(GraphQLDirectives directives)
        {
            foreach (var directive in directives)
                if (directive.Name.Value != "skip" && directive.Name.Value != "include") return false;
            return true;
        }
    }
}
