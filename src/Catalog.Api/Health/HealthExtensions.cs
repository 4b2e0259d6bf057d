using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

public static class HealthExtensions
{
    /// <summary>The liveness endpoint: answers while the process serves (no dependency is checked).</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness endpoint: answers 200 when the database answers and holds an imported catalog.</summary>
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddCatalogHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary><c>/health/live</c>: the process serves. <c>/health/ready</c>: and its database answers.</summary>
    public static IEndpointRouteBuilder MapCatalogHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
