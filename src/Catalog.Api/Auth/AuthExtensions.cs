namespace Catalog.Api.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// API keys as ASP.NET Core's authentication: every request's user is the key it carries, or anonymous. Only the
    /// core of authentication: no cookie or token is ever protected, so no data protection key ring is made (it would
    /// be written to disk, and a replica writes nothing there).
    /// </summary>
    public static WebApplicationBuilder AddCatalogAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddWebEncoders();
        builder.Services.AddTransient<ApiKeyAuthenticationHandler>();
        builder.Services.AddAuthenticationCore(options =>
        {
            options.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
            options.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
        });
        return builder;
    }
}
