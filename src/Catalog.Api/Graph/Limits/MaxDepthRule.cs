using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// Refuses deep nesting. Depth counts the selection sets below each operation, through fragments; the
/// introspection fields <c>__schema</c> and <c>__type</c> are exempt (as in graphql-armor), because the IDE's
/// introspection query nests <c>ofType</c> about thirteen levels. Within them, what would make introspection
/// circular and explosive (<c>fields { type { fields { type { fields ... } } } }</c>) is limited instead: at most
/// <see cref="MaxIntrospectionListNesting"/> nested lists of <c>fields</c>, <c>inputFields</c>, <c>interfaces</c>
/// or <c>possibleTypes</c> (the standard introspection query needs one; graphql-js refuses three).
/// Fragment cycles are left to the standard rule; fragment depths are memoised, so fragment bombs stay cheap.
/// </summary>
public sealed class MaxDepthRule(IOptions<LimitsOptions> options) : IValidationRule
{
    public const int MaxIntrospectionListNesting = 2;

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = options.Value.MaxDepth;
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var walker = new Walker(fragments);
        foreach (var operation in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var depth = walker.Depth(operation.SelectionSet);
            if (walker.IntrospectionNesting > MaxIntrospectionListNesting)
            {
                context.ReportError(new ValidationError(context.Document.Source, null,
                    $"The introspection nests `fields`, `inputFields`, `interfaces` or `possibleTypes` {walker.IntrospectionNesting} levels deep; the limit is {MaxIntrospectionListNesting}.", operation)
                {
                    Code = ErrorCodes.MaxDepth,
                });
            }
            else if (depth > max)
            {
                context.ReportError(new ValidationError(context.Document.Source, null,
                    $"The operation{(operation.Name is { } name ? $" '{name.StringValue}'" : "")} is nested {depth} levels deep; the limit (MaxDepth) is {max}.", operation)
                {
                    Code = ErrorCodes.MaxDepth,
                });
            }
        }
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, int> _fragmentDepths = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
        private readonly HashSet<(string, int)> _introspectionWalked = [];

        /// <summary>The depth of the deepest field path in the selection set: 0 for an empty set, 1 for leaves only.</summary>
        public int Depth(GraphQLSelectionSet? set)
        {
            if (set is null) return 0;
            var deepest = 0;
            foreach (var selection in set.Selections)
            {
                var depth = selection switch
                {
                    GraphQLField field when field.Name.StringValue is "__schema" or "__type" => 1 + Introspection(field.SelectionSet, 0),
                    GraphQLField field => 1 + Depth(field.SelectionSet),
                    GraphQLInlineFragment inline => Depth(inline.SelectionSet),
                    GraphQLFragmentSpread spread => FragmentDepth(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                deepest = Math.Max(deepest, depth);
            }
            return deepest;
        }

        /// <summary>The deepest nesting of introspection's list fields seen so far.</summary>
        public int IntrospectionNesting { get; private set; }

        /// <summary>Walks an introspection subtree, recording list nesting; it adds no depth.</summary>
        private int Introspection(GraphQLSelectionSet? set, int nesting)
        {
            if (set is null) return 0;
            IntrospectionNesting = Math.Max(IntrospectionNesting, nesting);
            // Bounded by the nesting limit: deeper than that is refused anyway, so stop walking.
            if (nesting > MaxIntrospectionListNesting) return 0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var list = field.Name.StringValue is "fields" or "inputFields" or "interfaces" or "possibleTypes";
                        Introspection(field.SelectionSet, list ? nesting + 1 : nesting);
                        break;
                    case GraphQLInlineFragment inline:
                        Introspection(inline.SelectionSet, nesting);
                        break;
                    // Each fragment is walked once per nesting level: cycles end and fragment bombs stay linear.
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && _introspectionWalked.Add((spread.FragmentName.Name.StringValue, nesting)):
                        Introspection(fragment.SelectionSet, nesting);
                        break;
                }
            }
            return 0;
        }

        private int FragmentDepth(string name)
        {
            if (_fragmentDepths.TryGetValue(name, out var known)) return known;
            // An unknown fragment or a cycle: other rules report it.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name)) return 0;
            var depth = Depth(fragment.SelectionSet);
            _visiting.Remove(name);
            _fragmentDepths[name] = depth;
            return depth;
        }
    }
}
