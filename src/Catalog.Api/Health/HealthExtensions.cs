using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Catalog.Api.Health;

public static class HealthExtensions
{
    public static WebApplicationBuilder AddCatalogHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary><c>/health/live</c>: the process serves. <c>/health/ready</c>: and its database answers.</summary>
    public static IEndpointRouteBuilder MapCatalogHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
