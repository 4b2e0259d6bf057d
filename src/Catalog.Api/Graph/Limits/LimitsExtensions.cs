using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

public static class LimitsExtensions
{
    /// <summary>Binds <c>Catalog:Limits</c> and registers the rate limiter (the execution gate is a step of the GraphQL pipeline).</summary>
    public static WebApplicationBuilder AddCatalogLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section);
        // The server's own limit on the request line answers 414 before any middleware, without CORS headers a page's
        // script needs to read why; so it is set well above MaxUrlLength, which the middleware below enforces.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = RequestLineSize);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
                if (limits.RateLimitPermits <= 0 || http.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("exempt");
                // Behind a proxy, configure forwarded headers so this is the client's address.
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, ct) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limits.RateLimitWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"Too many requests: the limit (RateLimitPermits) is {limits.RateLimitPermits} per {limits.RateLimitWindowSeconds} s per client; retry after {retryAfter} s.", ct);
            };
        });
        return builder;
    }

    /// <summary>The server's limit on a request line: past <see cref="LimitsOptions.MaxUrlLength"/>'s largest sensible value.</summary>
    private const int RequestLineSize = 256 * 1024;

    /// <summary>Refuses URLs over <see cref="LimitsOptions.MaxUrlLength"/> and request bodies over <see cref="LimitsOptions.MaxBodyBytes"/> and applies the rate limiter.</summary>
    public static WebApplication UseCatalogLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value;
            var url = (http.Request.PathBase.Value?.Length ?? 0) + (http.Request.Path.Value?.Length ?? 0) + (http.Request.QueryString.Value?.Length ?? 0);
            if (url > limits.MaxUrlLength)
            {
                await WriteErrorAsync(http, StatusCodes.Status414UriTooLong, ErrorCodes.UriTooLong,
                    $"The URL is {url} characters; the limit (MaxUrlLength) is {limits.MaxUrlLength}. Send a long document by POST.", http.RequestAborted);
                return;
            }
            var max = limits.MaxBodyBytes;
            if (http.Request.ContentLength > max)
            {
                await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge,
                    $"The request body is {http.Request.ContentLength} bytes; the limit (MaxBodyBytes) is {max}.", http.RequestAborted);
                return;
            }
            // A body without Content-Length (chunked) is cut off by the server at the same size.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize) bodySize.MaxRequestBodySize = max;
            try
            {
                await next(http);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
            {
                await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge,
                    $"The request body is larger than the limit (MaxBodyBytes) of {max} bytes.", http.RequestAborted);
            }
        });
        return app;
    }

    private static async Task WriteErrorAsync(HttpContext http, int status, string code, string message, CancellationToken ct)
    {
        Telemetry.CatalogTelemetry.RecordRejected(code);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: ct);
    }
}
