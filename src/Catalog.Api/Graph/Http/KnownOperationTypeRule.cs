using GraphQL.Validation;
using GraphQLParser.AST;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// An operation whose root type the schema lacks (a mutation, while the schema has no mutation type) is a validation
/// error, so it is refused before execution like any invalid document: no <c>data</c>, and 400 for
/// application/graphql-response+json. GraphQL.NET would otherwise fail it during execution with <c>data: null</c>.
/// </summary>
public sealed class KnownOperationTypeRule : IValidationRule
{
    public static readonly KnownOperationTypeRule Instance = new();

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var operation in context.Document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var supported = operation.Operation switch
            {
                OperationType.Mutation => context.Schema.Mutation is not null,
                OperationType.Subscription => context.Schema.Subscription is not null,
                _ => true,
            };
            if (!supported)
            {
                var kind = operation.Operation.ToString().ToLowerInvariant();
                context.ReportError(new ValidationError(context.Document.Source, null, $"This schema has no {kind} type, so {kind}s are not supported.", operation)
                {
                    Code = ErrorCodes.OperationNotSupported,
                });
            }
        }
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
