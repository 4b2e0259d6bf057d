using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// Refuses a document whose operations select more than <see cref="LimitsOptions.MaxFields"/> fields once every
/// fragment spread is replaced by its fragment, before any other rule or the complexity analyzer expands them. A
/// fragment's size is computed once and added wherever it is spread, so the check is linear in the document's text
/// however its fragments double (<c>fragment F1 on Query { ...F0 ...F0 }</c>, thirty levels deep, is 2^30 fields).
/// Every selection counts: fields, inline fragments and spreads, whatever their directives say. Cycles are left to the
/// standard rule.
/// </summary>
public sealed class MaxFieldsRule(IOptions<LimitsOptions> options) : IValidationRule
{
    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var max = options.Value.MaxFields;
        var fragments = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sizes = new Sizes(fragments, cap: (long)max + 1);
        foreach (var operation in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var size = sizes.Of(operation.SelectionSet);
            if (size <= max) continue;
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"The operation{(operation.Name is { } name ? $" '{name.StringValue}'" : "")} selects more than {max} fields once its fragments are expanded; the limit (MaxFields) is {max}. Spread each fragment fewer times.", operation)
            {
                Code = ErrorCodes.MaxFields,
            });
        }
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;

    /// <summary>Expanded sizes, saturating at <paramref name="cap"/> so that no sum overflows.</summary>
    private sealed class Sizes(Dictionary<string, GraphQLFragmentDefinition> fragments, long cap)
    {
        private readonly Dictionary<string, long> _fragments = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

        public long Of(GraphQLSelectionSet? set)
        {
            if (set is null) return 0;
            long total = 0;
            foreach (var selection in set.Selections)
            {
                total += 1 + selection switch
                {
                    GraphQLField field => Of(field.SelectionSet),
                    GraphQLInlineFragment inline => Of(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };
                if (total >= cap) return cap;
            }
            return total;
        }

        private long Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known)) return known;
            // An unknown fragment or a cycle: the standard rules report it.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name)) return 0;
            var size = Of(fragment.SelectionSet);
            _visiting.Remove(name);
            _fragments[name] = size;
            return size;
        }
    }
}
