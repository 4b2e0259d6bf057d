namespace Catalog.Api.Auth;

public static class AuthExtensions
{
    /// <summary>API keys as ASP.NET Core's authentication: every request's user is the key it carries, or anonymous.</summary>
    public static WebApplicationBuilder AddCatalogAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        return builder;
    }
}
