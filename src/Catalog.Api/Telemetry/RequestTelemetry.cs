namespace Catalog.Api.Telemetry;

/// <summary>What one HTTP request did in GraphQL, noted by the execution and read by the request log line.</summary>
public sealed class RequestTelemetry
{
    public string? OperationName { get; set; }
    public string? OperationType { get; set; }
    public int ErrorCount { get; set; }
}
