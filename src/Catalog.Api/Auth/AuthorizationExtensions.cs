using GraphQL;

namespace Catalog.Api.Auth;

public static class AuthorizationExtensions
{
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>Returns the name of the request's API key, or fails the field with UNAUTHENTICATED before anything changes.</summary>
    public static async Task<string> RequireApiKeyAsync(this IResolveFieldContext context)
    {
        var http = context.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext;
        var name = http is null ? null : await context.RequestServices!.GetRequiredService<ApiKeys>().AuthenticateAsync(http.Request, context.CancellationToken);
        return name ?? throw new ExecutionError(
            $"Changing the catalog needs a valid API key: send 'Authorization: Bearer <key>' or '{ApiKeys.Header}: <key>'.") { Code = Unauthenticated };
    }
}
