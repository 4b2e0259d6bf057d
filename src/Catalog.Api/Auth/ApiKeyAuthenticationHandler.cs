using System.Security.Claims;
using System.Text.Encodings.Web;
using Catalog.Api.Graph.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Auth;

/// <summary>
/// Authentication by API key: a request that carries a known key is the user named after it; one that carries no key
/// is anonymous; an unknown key (or a database that cannot tell) fails authentication, which leaves the request
/// anonymous too. What an anonymous request may not do is decided by <see cref="MutationsNeedApiKeyRule"/>.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Set in the request's items when a key was sent but the database could not tell whether it is valid.</summary>
    public const string UncheckedItem = "Catalog.ApiKeyUnchecked";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeys.KeyOf(Request) is not { } key) return AuthenticateResult.NoResult();
        string? name;
        try
        {
            name = await keys.FindNameAsync(key, Context.RequestAborted);
        }
        catch (Exception e) when (ErrorMasking.IsDatabaseFault(e))
        {
            CannotCheck(Logger, e.Message);
            Context.Items[UncheckedItem] = true;
            return AuthenticateResult.Fail("The database did not answer, so the API key could not be checked.");
        }
        if (name is null) return AuthenticateResult.Fail("The API key is not known.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check an API key ({Reason})")]
    private static partial void CannotCheck(ILogger logger, string reason);
}
