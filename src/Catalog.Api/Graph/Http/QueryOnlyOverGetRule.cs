using GraphQL.Validation;
using GraphQLParser.AST;

namespace Catalog.Api.Graph.Http;

/// <summary>GET must be safe: only query operations may run over it (GraphQL over HTTP).</summary>
public sealed class QueryOnlyOverGetRule : IValidationRule
{
    public const string Code = "METHOD_NOT_ALLOWED";
    public static readonly QueryOnlyOverGetRule Instance = new();

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new ValidationError(context.Document.Source, Code,
                $"A {context.Operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; send it with POST.", context.Operation));
        }
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}
