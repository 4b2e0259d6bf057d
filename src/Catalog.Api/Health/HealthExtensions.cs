using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

public static class HealthExtensions
{
    /// <summary>The liveness endpoint: answers while the process serves (no dependency is checked).</summary>
    public const string LivePath = "/health/live";

    /// <summary>
    /// The readiness endpoint: 200 while the instance serves a snapshot of an imported catalog (Degraded, still 200,
    /// when the database is away and the snapshot may be stale), else 503. The body says which, as JSON.
    /// </summary>
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddCatalogHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("catalog", tags: ["ready"]);
        return builder;
    }

    /// <summary><c>/health/live</c>: the process serves. <c>/health/ready</c>: and it has a catalog to serve.</summary>
    public static IEndpointRouteBuilder MapCatalogHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReportAsync });
        return app;
    }

    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var entry = report.Entries.Values.FirstOrDefault();
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            description = entry.Description,
            data = entry.Data,
        }, cancellationToken: http.RequestAborted);
    }
}
