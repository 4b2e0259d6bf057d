namespace Catalog.Api.Graph.Errors;

public static class CorrelationExtensions
{
    public const string Header = "X-Correlation-Id";

    /// <summary>
    /// Every response names its request's id (ASP.NET Core's TraceIdentifier, which the logs carry as RequestId),
    /// so a masked error can be found in the logs.
    /// </summary>
    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers[Header] = http.TraceIdentifier;
            return next(http);
        });
        return app;
    }
}
