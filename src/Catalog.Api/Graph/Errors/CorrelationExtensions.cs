namespace Catalog.Api.Graph.Errors;

public static class CorrelationExtensions
{
    public const string Header = "X-Correlation-Id";

    /// <summary>
    /// One id per request, everywhere: the trace id when the request is traced (else ASP.NET Core's own id) becomes
    /// the request's TraceIdentifier, which the logs carry as RequestId, masked errors carry as correlationId, and
    /// every response carries in this header; so a masked error leads to its log lines and its trace.
    /// </summary>
    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            if (System.Diagnostics.Activity.Current is { } activity) http.TraceIdentifier = activity.TraceId.ToHexString();
            http.Response.Headers[Header] = http.TraceIdentifier;
            return next(http);
        });
        return app;
    }
}
