using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Catalog.Api.Telemetry;
using Catalog.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Catalog.Tests.Telemetry;

/// <summary>
/// Traces, metrics and the request log line, read through OpenTelemetry's in-memory exporters. Other test classes
/// run at the same time in this process, so every assertion picks its own request out: by the trace id it sent,
/// or by an operation name no other test uses.
/// </summary>
public sealed class TelemetryTests : IClassFixture<CatalogApiFixture>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly LogCollector _logs = new();
    private readonly WebApplicationFactory<Program> _service;
    private readonly HttpClient _client;
    private readonly CatalogApiFixture _api;

    public TelemetryTests(CatalogApiFixture api)
    {
        _api = api;
        var spans = new SpanCollection(_spans);
        _service = api.WithWebHostBuilder(web => web
            .UseSetting(TelemetryExtensions.TracingKey, "true")
            .ConfigureLogging(logging => logging.AddProvider(_logs))
            .ConfigureServices(services => services
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics))));
        _client = _service.CreateClient();
    }

    [Fact]
    public void Traces_are_recorded_only_when_they_have_somewhere_to_go()
    {
        // The fixture sets no OTLP endpoint: no tracer provider, so no request builds spans nobody reads.
        Assert.Null(_api.Services.GetService<TracerProvider>());
        Assert.NotNull(_service.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task A_request_is_one_trace_with_the_graphql_operation_span_and_no_sql_for_a_read()
    {
        const string query = "query OpsTrace($slug: String!) { technology(slug: $slug) { name talks { title speakers { name } } } search(query: $slug) { score } }";
        // The first run of a document keeps it for requests by hash (a write); the read itself is the second run.
        await PostAsync(query, new { slug = "calico" }, ActivityTraceId.CreateRandom());
        var traceId = ActivityTraceId.CreateRandom();
        var (status, _) = await PostAsync(query, new { slug = "istio" }, traceId);
        Assert.Equal(200, status);

        var spans = await SpansOfAsync(traceId, s => s.Source.Name == "Microsoft.AspNetCore");
        var server = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(ActivityKind.Server, server.Kind);
        // Every span of the trace hangs from the server span (its parent is the caller's, which we made up).
        Assert.All(spans.Where(s => s != server), s => Assert.True(IsUnder(s, server, spans), $"{s.DisplayName} is not under the request"));

        var operation = Assert.Single(spans, s => s.Source.Name == CatalogTelemetry.Name && s.OperationName == "graphql");
        Assert.Equal(server.SpanId, operation.ParentSpanId);
        Assert.Equal("query OpsTrace", operation.DisplayName);
        Assert.Equal("OpsTrace", operation.GetTagItem("graphql.operation.name"));
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Equal(0, operation.GetTagItem("graphql.errors.count"));

        // Reads come from the in-memory snapshot.
        Assert.DoesNotContain(spans, s => s.Source.Name == "Npgsql");

        // No variable value anywhere in the trace.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("istio", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Operation_duration_cache_hits_requests_and_pool_metrics_change_as_requests_are_made()
    {
        var name = "OpsMetrics" + Guid.NewGuid().ToString("N");
        var query = $"query {name} {{ technologies(first: 2) {{ nodes {{ slug }} }} }}";
        var hitsBefore = Sum("catalog.graphql.document_cache.hits", _ => true);
        Assert.Equal(0, HistogramCount("catalog.graphql.operation.duration", name));

        Assert.Equal(200, (await PostAsync(query)).Status);
        Assert.Equal(200, (await PostAsync(query)).Status);

        Assert.Equal(2, HistogramCount("catalog.graphql.operation.duration", name));
        // The second request's document came from the cache (other tests can only add to the count).
        Assert.True(Sum("catalog.graphql.document_cache.hits", _ => true) - hitsBefore >= 1);
        Assert.Contains((await EventuallyAsync("http.server.request.duration")).MetricPoints, p => Tag(p, "http.route") == "/graphql");
        // Npgsql's own pool metrics, for this service's data source.
        Assert.NotNull(Snapshot("db.client.connection.count") ?? Snapshot("db.client.connections.usage"));
    }

    [Fact]
    public async Task An_error_is_counted_under_its_code()
    {
        var name = "OpsError" + Guid.NewGuid().ToString("N");
        var (_, body) = await PostAsync($"query {name} {{ noSuchField }}", operationName: name);
        var code = (string)body["errors"]![0]!["extensions"]!["code"]!;

        Assert.Equal(1, Sum("catalog.graphql.errors", p => Tag(p, "code") == code && Tag(p, "graphql.operation.name") == name));
    }

    [Fact]
    public void Rejected_requests_are_counted_by_limit()
    {
        var limit = "test-limit-" + Guid.NewGuid().ToString("N");
        CatalogTelemetry.RecordRejected(limit);
        CatalogTelemetry.RecordRejected(limit);
        Assert.Equal(2, Sum("catalog.requests.rejected", p => Tag(p, "limit") == limit));
    }

    [Fact]
    public async Task Each_request_logs_one_line_with_operation_status_duration_and_correlation_id_and_no_variable_values()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var secret = "value-" + Guid.NewGuid().ToString("N");
        using var request = Request("query OpsLog($slug: String!) { technology(slug: $slug) { name } }", new { slug = secret }, traceId);
        using var response = await _client.SendAsync(request);
        Assert.Equal(traceId.ToHexString(), response.Headers.GetValues("X-Correlation-Id").Single());

        var lines = _logs.Lines.Where(l => l.Category == typeof(RequestLogMiddleware).FullName && l.Message.Contains(traceId.ToHexString(), StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.Contains("POST /graphql 200 in ", line.Message, StringComparison.Ordinal);
        Assert.Contains("operation OpsLog (query)", line.Message, StringComparison.Ordinal);
        Assert.Equal("OpsLog", line.State["OperationName"]);
        Assert.DoesNotContain(_logs.Lines, l => l.Message.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_version_is_in_a_header_an_endpoint_and_the_schema()
    {
        using var response = await _client.GetAsync(new Uri("/version", UriKind.Relative));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var commit = (string)json["commit"]!;
        var builtAt = (string)json["builtAt"]!;

        // The commit the tests were built from: a commit of this repository (HEAD may have moved since), or unknown without git.
        Assert.True(await IsCommitAsync(commit) ?? commit == BuildVersion.Unknown, commit);
        Assert.True(DateTimeOffset.TryParse(builtAt, out var built) && built <= DateTimeOffset.UtcNow.AddMinutes(1), builtAt);
        Assert.Equal($"{commit} {builtAt}", response.Headers.GetValues(TelemetryExtensions.VersionHeader).Single());

        var (_, body) = await PostAsync("{ version { commit builtAt } }");
        Assert.Equal(commit, (string?)body["data"]!["version"]!["commit"]);
        Assert.Equal(builtAt, (string?)body["data"]!["version"]!["builtAt"]);
    }

    /// <summary>Whether git knows <paramref name="commit"/> as a commit; null without git.</summary>
    private static async Task<bool?> IsCommitAsync(string commit)
    {
        if (commit.Length != 40 || !commit.All(char.IsAsciiHexDigitLower)) return false;
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"cat-file -t {commit}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Seeds.Repository,
            })!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 && output.Trim() == "commit";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private async Task<(int Status, JsonNode Body)> PostAsync(string query, object? variables = null, ActivityTraceId? traceId = null, string? operationName = null)
    {
        using var request = Request(query, variables, traceId, operationName);
        using var response = await _client.SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static HttpRequestMessage Request(string query, object? variables, ActivityTraceId? traceId, string? operationName = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (traceId is { } id) request.Headers.Add("traceparent", $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    /// <summary>The spans of one trace, once the one <paramref name="last"/> picks (ended last) has been exported.</summary>
    private async Task<List<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<Activity, bool> last)
    {
        for (var i = 0; i < 100 && !_spans.Any(s => s.TraceId == traceId && last(s)); i++) await Task.Delay(50);
        return _spans.Where(s => s.TraceId == traceId).ToList();
    }

    private static bool IsUnder(Activity span, Activity ancestor, List<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }

    private MetricSnapshot? Snapshot(string name)
    {
        lock (_metrics) _metrics.Clear();
        _service.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics) return _metrics.LastOrDefault(m => m.Name == name);
    }

    /// <summary>ASP.NET Core records a request's duration as the request ends, which can be just after the client has the response.</summary>
    private async Task<MetricSnapshot> EventuallyAsync(string name)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (Snapshot(name) is { } snapshot) return snapshot;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No {name} metric within 5 s.");
    }

    private long Sum(string name, Func<MetricPoint, bool> where) =>
        Snapshot(name)?.MetricPoints.Where(where).Sum(p => p.GetSumLong()) ?? 0;

    private long HistogramCount(string name, string operation) =>
        Snapshot(name)?.MetricPoints.Where(p => Tag(p, "graphql.operation.name") == operation).Sum(p => p.GetHistogramCount()) ?? 0;

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value?.ToString();
        return null;
    }

    public void Dispose()
    {
        _client.Dispose();
        _logs.Dispose();
    }

    /// <summary>The in-memory exporter wants an ICollection; this one is safe to fill from many threads.</summary>
    private sealed class SpanCollection(ConcurrentQueue<Activity> queue) : ICollection<Activity>
    {
        public int Count => queue.Count;
        public bool IsReadOnly => false;
        public void Add(Activity item) => queue.Enqueue(item);
        public void Clear() => queue.Clear();
        public bool Contains(Activity item) => queue.Contains(item);
        public void CopyTo(Activity[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);
        public bool Remove(Activity item) => throw new NotSupportedException();
        public IEnumerator<Activity> GetEnumerator() => queue.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Keeps every log line the service writes, with its structured state.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IEnumerable<LogLine> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose() { }

    internal sealed record LogLine(string Category, string Message, IReadOnlyDictionary<string, object?> State);

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            lines.Enqueue(new LogLine(category, formatter(state, exception) + " " + exception, values.ToDictionary(kv => kv.Key, kv => kv.Value)));
        }
    }
}
