using System.Diagnostics;

namespace Catalog.Api.Telemetry;

/// <summary>
/// One log line per request: method, path (never the query string, which holds GET variables), status,
/// duration, the GraphQL operation when there was one, and a correlation id (the trace id, else the
/// request id) that matches the request's trace.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, RequestTelemetry telemetry)
    {
        var started = Stopwatch.GetTimestamp();
        // The correlation middleware has made the request id the trace id and sent it back as X-Correlation-Id.
        var correlation = http.TraceIdentifier;
        try
        {
            await next(http);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // A request the client gave up on ends with the status set so far.
            var status = http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted ? 499 : http.Response.StatusCode;
            Log(logger, http.Request.Method, http.Request.Path.Value ?? "/", status, elapsed,
                telemetry.OperationName, telemetry.OperationType, telemetry.ErrorCount, correlation);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Path} {Status} in {DurationMs:0.0} ms; operation {OperationName} ({OperationType}), {ErrorCount} error(s); correlation {CorrelationId}")]
    private static partial void Log(ILogger logger, string method, string path, int status, double durationMs,
        string? operationName, string? operationType, int errorCount, string correlationId);
}
