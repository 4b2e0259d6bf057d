using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Catalog.Api.Auth;

/// <summary>
/// Who may change the catalog, decided in one place: a mutation needs an authenticated user (a valid API key, see
/// <see cref="ApiKeyAuthenticationHandler"/>) and is refused before anything runs otherwise; queries are open to
/// everyone. It depends on the request, so it also runs for documents taken from the cache.
/// </summary>
public sealed class MutationsNeedApiKeyRule : IValidationRule
{
    public static readonly MutationsNeedApiKeyRule Instance = new();

    public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation && context.User?.Identity?.IsAuthenticated != true)
        {
            // A key that could not be checked is the database's fault, and a write could not run anyway.
            if (context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext?.Items.ContainsKey(ApiKeyAuthenticationHandler.UncheckedItem) == true)
            {
                context.ReportError(new ValidationError(context.Document.Source, null,
                    "The catalog's database is not answering, so nothing can be changed now; try again shortly.", context.Operation)
                {
                    Code = ErrorCodes.DatabaseUnavailable,
                });
                return default;
            }
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"Changing the catalog needs a valid API key: send 'Authorization: Bearer <key>' or '{ApiKeys.Header}: <key>'.", context.Operation)
            {
                Code = ErrorCodes.Unauthenticated,
            });
        }
        return default;
    }

    public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) => default;

    public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => default;
}

/// <summary>The name of the API key a mutation runs under.</summary>
public static class ApiKeyUser
{
    /// <summary>The key's name; <see cref="MutationsNeedApiKeyRule"/> lets no mutation run without one.</summary>
    public static string ApiKeyName(this IResolveFieldContext context) =>
        context.User?.Identity?.Name ?? throw new InvalidOperationException("A mutation ran without an API key: MutationsNeedApiKeyRule is not in the pipeline.");
}
