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

    public const string VersionHeader = "X-Catalog-Version";

    private static readonly string[] Untraced = ["/health", "/metrics", "/graphql-ide"];

    /// <summary>
    /// Logs are for whoever reads them: readable lines in a terminal; one JSON object per line where a program reads them
    /// (output redirected to a file or a pipe, or in a container, whose runtime collects stdout). <c>Logging:Console:FormatterName</c>
    /// (<c>simple</c> or <c>json</c>) decides instead when set.
    /// </summary>
    internal static bool LogsAsJson(IConfiguration configuration) => configuration["Logging:Console:FormatterName"] switch
    {
        "json" => true,
        "simple" => false,
        _ => Console.IsOutputRedirected || configuration.GetValue<bool>("DOTNET_RUNNING_IN_CONTAINER"),
    };

    /// <summary>
    /// Logs (see <see cref="LogsAsJson"/>; one line per request), traces when they have somewhere to go (ASP.NET Core,
    /// GraphQL operations, snapshot builds, Npgsql commands) and metrics (requests, operations, errors, rejections, cache hits, the database pool);
    /// they leave the process only through the exporters configured.
    /// </summary>
    public static WebApplicationBuilder AddCatalogTelemetry(this WebApplicationBuilder builder)
    {
        if (LogsAsJson(builder.Configuration))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                // Readable Japanese and quotes in messages; the JSON stays valid.
                o.JsonWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
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

    /// <summary>The version header on every response and the request log line.</summary>
    public static WebApplication UseCatalogTelemetry(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers[VersionHeader] = BuildVersion.Current.HeaderValue;
            return next(http);
        });
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    /// <summary><c>/version</c>, and <c>/metrics</c> when configured.</summary>
    public static WebApplication MapCatalogTelemetry(this WebApplication app)
    {
        app.MapGet("/version", () => Results.Json(BuildVersion.Current));
        if (app.Configuration.GetValue<bool>(PrometheusKey)) app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
