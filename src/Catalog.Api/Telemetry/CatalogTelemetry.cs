using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Catalog.Api.Telemetry;

/// <summary>
/// Catalog's own traces and metrics: one ActivitySource and one Meter, both named <c>Catalog</c>. Tags never carry
/// variable values, document text or SQL parameters.
/// </summary>
public static class CatalogTelemetry
{
    public const string Name = "Catalog";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>GraphQL operations' duration in seconds, by operation name and type.</summary>
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "catalog.graphql.operation.duration", "s", "Duration of GraphQL operations, by operation name and type.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>GraphQL errors in responses, by <c>extensions.code</c> and operation name.</summary>
    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "catalog.graphql.errors", "{error}", "GraphQL errors returned, by extensions.code and operation name.");

    /// <summary>Documents served from the parsed-document cache (parse and validation skipped).</summary>
    internal static readonly Counter<long> DocumentCacheHits = Meter.CreateCounter<long>(
        "catalog.graphql.document_cache.hits", "{hit}", "Requests whose document came from the parsed-document cache.");

    private static readonly Counter<long> ResponseCacheHits = Meter.CreateCounter<long>(
        "catalog.graphql.response_cache.hits", "{hit}", "GET queries answered from the response cache (nothing executed).");

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "catalog.requests.rejected", "{request}", "Requests rejected by a limit (size, depth, complexity, rate ...), by limit.");

    /// <summary>Counts a request turned away by a limit; <paramref name="limit"/> names it (a small fixed set, e.g. "depth").</summary>
    public static void RecordRejected(string limit) => Rejected.Add(1, new KeyValuePair<string, object?>("limit", limit));

    /// <summary>Counts a GET answered from the response cache.</summary>
    public static void RecordResponseCacheHit() => ResponseCacheHits.Add(1);

    /// <summary>Counts a hit of the parsed-document cache.</summary>
    public static void RecordDocumentCacheHit() => DocumentCacheHits.Add(1);

    /// <summary>A build of the in-memory catalog snapshot (tagged with its version once read).</summary>
    public static Activity? StartSnapshotBuild() => Source.StartActivity("catalog.snapshot.build");
}
