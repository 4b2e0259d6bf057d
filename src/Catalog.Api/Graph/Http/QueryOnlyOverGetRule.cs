using GraphQL.Validation;
using GraphQLParser.AST;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// GET must be safe: only query operations may run over it (GraphQL over HTTP). It judges the selected operation of
/// the request's method, so it also runs for documents taken from the cache.
/// </summary>
public sealed class QueryOnlyOverGetRule : IValidationRule
{
    public static readonly QueryOnlyOverGetRule Instance = new();

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http is not null && HttpMethods.IsGet(http.Request.Method) && context.Operation.Operation != OperationType.Query)
            context.ReportError(new NotAllowedOverGetError(context.Document.Source, context.Operation));
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}

/// <summary>A mutation or subscription sent with GET: answered with 405 and <c>Allow: POST</c>.</summary>
public sealed class NotAllowedOverGetError : ValidationError
{
    public NotAllowedOverGetError(GraphQLParser.ROM source, GraphQLOperationDefinition operation)
        : base(source, null, $"A {operation.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; send it with POST.", operation)
    {
        Code = ErrorCodes.MethodNotAllowed;
    }
}
