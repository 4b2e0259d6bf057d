using System.Text.Encodings.Web;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Catalog.Api.Telemetry;

public static class TelemetryExtensions
{
    /// <summary><c>Catalog:Telemetry:Otlp:Endpoint</c>: send traces, metrics and logs over OTLP there (off when empty).</summary>
    public const string OtlpEndpointKey = "Catalog:Telemetry:Otlp:Endpoint";

    /// <summary><c>Catalog:Telemetry:Otlp:Protocol</c>: <c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public const string OtlpProtocolKey = "Catalog:Telemetry:Otlp:Protocol";

    /// <summary>
    /// <c>Catalog:Telemetry:Tracing</c>: record traces. On by default only when an OTLP endpoint is set: with nowhere
    /// to go, every request's spans (HTTP, GraphQL, loaders, each SQL command) would be built for nothing.
    /// </summary>
    public const string TracingKey = "Catalog:Telemetry:Tracing";

    /// <summary><c>Catalog:Telemetry:Prometheus</c>: serve the metrics at <c>/metrics</c> for Prometheus to scrape.</summary>
    public const string PrometheusKey = "Catalog:Telemetry:Prometheus";

    /// <summary><c>Catalog:Testing:AllowDelay</c>: honour the test-only delay header (never in a deployment).</summary>
    public const string AllowTestDelayKey = "Catalog:Testing:AllowDelay";

    public const string VersionHeader = "X-Catalog-Version";

    private static readonly string[] Untraced = ["/health", "/metrics", "/graphql-ide"];

    /// <summary>
    /// Logs (JSON lines outside Development, one per request), traces when they have somewhere to go (ASP.NET Core,
    /// GraphQL operations, batch loaders, Npgsql commands) and metrics (requests, operations, errors, rejections, cache hits, the database pool);
    /// they leave the process only through the exporters configured.
    /// </summary>
    public static WebApplicationBuilder AddCatalogTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                // Readable Japanese and quotes in messages; the JSON stays valid.
                o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        builder.Services.AddScoped<RequestTelemetry>();
        var configuration = builder.Configuration;
        var otlp = configuration[OtlpEndpointKey];
        var prometheus = configuration.GetValue<bool>(PrometheusKey);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("catalog", serviceVersion: BuildVersion.Current.Commit));
        if (configuration.GetValue(TracingKey, !string.IsNullOrWhiteSpace(otlp)))
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(CatalogTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !Untraced.Any(p => http.Request.Path.StartsWithSegments(p)))
                .AddNpgsql());
        }
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(CatalogTelemetry.Name).AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation();
            if (prometheus) metrics.AddPrometheusExporter();
        });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            var protocol = configuration[OtlpProtocolKey] is "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(otlp));
        }
        return builder;
    }

    /// <summary>The request log line, the version header and <c>/version</c>, and <c>/metrics</c> when configured.</summary>
    public static WebApplication MapCatalogTelemetry(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers[VersionHeader] = BuildVersion.Current.HeaderValue;
            return next(http);
        });
        app.UseMiddleware<RequestLogMiddleware>();
        if (app.Configuration.GetValue<bool>(AllowTestDelayKey)) app.UseMiddleware<TestDelayMiddleware>();
        app.MapGet("/version", () => Results.Json(BuildVersion.Current));
        if (app.Configuration.GetValue<bool>(PrometheusKey)) app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
