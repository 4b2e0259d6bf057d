using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Catalog.Api.Graph.Input;

/// <summary>Refuses a document whose string literals hold <see cref="UnsafeText"/> (variables: <see cref="UnsafeVariables"/>).</summary>
public sealed class UnsafeTextRule : IValidationRule
{
    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLStringValue>((node, ctx) =>
        {
            if (UnsafeText.Problem(node.Value.Span) is { } problem)
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, $"A string in the document holds {problem}; such characters are not accepted.", node) { Code = UnsafeText.Code });
        }));

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
