namespace Catalog.Api.Telemetry;

/// <summary>
/// Test-only: when <c>Catalog:Testing:AllowDelay</c> is true, a request with <c>X-Catalog-Test-Delay: ms</c> waits
/// that long (at most a minute) before it is served, so a test can keep a request in flight while the service stops.
/// Never registered otherwise.
/// </summary>
public sealed partial class TestDelayMiddleware(RequestDelegate next, ILogger<TestDelayMiddleware> logger)
{
    public const string Header = "X-Catalog-Test-Delay";

    public async Task InvokeAsync(HttpContext http)
    {
        if (int.TryParse(http.Request.Headers[Header], out var ms) && ms > 0)
        {
            Delaying(logger, ms);
            // Deliberately not the request's abort token: a stopping host must wait for this request, as for any other.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(ms, 60_000)));
        }
        await next(http);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Test delay of {DelayMs} ms")]
    private static partial void Delaying(ILogger logger, int delayMs);
}
