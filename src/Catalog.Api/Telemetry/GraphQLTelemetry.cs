using System.Diagnostics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Catalog.Api.Telemetry;

/// <summary>
/// Wraps each GraphQL execution in a span (operation name and type, the document id when persisted, the error
/// count) and records its duration and errors. Never records the document text or variable values.
/// </summary>
public sealed class GraphQLTelemetry : IConfigureExecution
{
    /// <summary>Operation names come from clients: longer ones are cut so a metric's series stay bounded in size.</summary>
    internal const int MaxNameLength = 64;

    public float SortOrder => Graph.GraphQLPipeline.Order.Telemetry;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        using var activity = CatalogTelemetry.Source.StartActivity("graphql");
        if (activity is not null && options.DocumentId is { } documentId) activity.SetTag("graphql.document.id", documentId);
        var started = Stopwatch.GetTimestamp();
        ExecutionResult? result = null;
        try
        {
            result = await next(options).ConfigureAwait(false);
            return result;
        }
        finally
        {
            Record(options, result, activity, Stopwatch.GetElapsedTime(started));
        }
    }

    private static void Record(ExecutionOptions options, ExecutionResult? result, Activity? activity, TimeSpan elapsed)
    {
        // A document that failed validation has no selected operation on the result: find it in the document.
        var operation = result?.Operation ?? (result?.Document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() is { } all
            ? options.OperationName is { } wanted ? all.Find(o => o.Name?.StringValue == wanted) : all is [var only] ? only : null
            : null);
        var type = operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "unknown",
        };
        var name = Bound(operation?.Name?.StringValue ?? options.OperationName) ?? (operation is null ? "(invalid)" : "(anonymous)");
        var errors = result?.Errors?.Count ?? 0;

        if (options.RequestServices?.GetService<RequestTelemetry>() is { } request)
        {
            request.OperationName = name;
            request.OperationType = type;
            request.ErrorCount = errors;
        }

        var nameTag = new KeyValuePair<string, object?>("graphql.operation.name", name);
        var typeTag = new KeyValuePair<string, object?>("graphql.operation.type", type);
        CatalogTelemetry.OperationDuration.Record(elapsed.TotalSeconds, nameTag, typeTag);
        foreach (var error in result?.Errors ?? [])
        {
            CatalogTelemetry.Errors.Add(1, new KeyValuePair<string, object?>("code", error.Code ?? ErrorCodes.Uncoded), nameTag);
            if (ErrorCodes.IsLimit(error.Code)) CatalogTelemetry.RecordRejected(error.Code!);
        }
        if (result is null) CatalogTelemetry.Errors.Add(1, new KeyValuePair<string, object?>("code", ErrorCodes.InternalError), nameTag);

        if (activity is null) return;
        activity.DisplayName = operation is null ? "graphql" : $"{type} {name}";
        activity.SetTag("graphql.operation.name", name);
        activity.SetTag("graphql.operation.type", type);
        activity.SetTag("graphql.errors.count", errors);
        if (result is null || !result.Executed) activity.SetStatus(ActivityStatusCode.Error, result is null ? "exception" : "not executed");
        else if (errors > 0) activity.SetStatus(ActivityStatusCode.Error, $"{errors} error(s)");
    }

    private static string? Bound(string? name) => name is { Length: > MaxNameLength } ? name[..MaxNameLength] : name;
}
