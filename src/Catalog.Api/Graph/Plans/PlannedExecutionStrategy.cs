using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Catalog.Api.Graph.Http;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace Catalog.Api.Graph.Plans;

/// <summary>
/// Executes queries: those an execution plan covers (<see cref="PlanCoverage"/>, decided once per document and
/// operation) by walking the snapshot and writing the answer's JSON as each field is resolved (<see cref="PlanRun"/>),
/// the rest, and any covered one that meets an error, by GraphQL.NET's serial strategy, whose answer is the one every
/// client gets anyway. GraphQL.NET has parsed, validated and coerced the request before either runs, and the steps
/// around execution (limits, timeout, telemetry, error masking) wrap both alike. The plan's answer is the same bytes
/// as GraphQL.NET's, written into pooled arrays instead of a tree of nodes (about 1.1 KB of objects per glossary entry).
/// </summary>
public sealed class PlannedExecutionStrategy(CatalogJsonSerializer serializer) : SerialExecutionStrategy
{
    // Per parsed document (the document cache hands the same instance to every request with the same text), per
    // operation name: whether a plan covers it.
    private readonly ConditionalWeakTable<GraphQLDocument, ConcurrentDictionary<string, bool>> _coverage = new();

    private long _planned;
    private long _fellBack;

    /// <summary>Queries answered by a plan since start.</summary>
    public long Planned => Interlocked.Read(ref _planned);

    /// <summary>Covered queries that met an error or an unexpected value and were executed again by GraphQL.NET.</summary>
    public long FellBack => Interlocked.Read(ref _fellBack);

    public override async Task<ExecutionResult> ExecuteAsync(ExecutionContext context)
    {
        if (!IsCovered(context)) return await base.ExecuteAsync(context).ConfigureAwait(false);
        var answer = new PlannedAnswer();
        try
        {
            using var run = new PlanRun(this, context, answer, serializer.Options);
            if (run.TryWrite())
            {
                Interlocked.Increment(ref _planned);
                return new ExecutionResult
                {
                    Executed = true,
                    Data = answer,
                    Query = context.Document.Source.ToString(),
                    Document = context.Document,
                    Operation = context.Operation,
                    Extensions = context.OutputExtensions,
                };
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // Whatever went wrong, GraphQL.NET runs the query again and reports it as it reports every error.
        }
        Interlocked.Increment(ref _fellBack);
        return await base.ExecuteAsync(context).ConfigureAwait(false);
    }

    private bool IsCovered(ExecutionContext context)
    {
        var byOperation = _coverage.GetValue(context.Document, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        var key = context.Operation.Name?.StringValue ?? "";
        if (byOperation.TryGetValue(key, out var covered)) return covered;
        return byOperation[key] = PlanCoverage.Covers(context.Schema, context.Document, context.Operation);
    }

    /// <summary>GraphQL.NET's own field collection (fragments, type conditions, @skip/@include, merging), for a plan.</summary>
    internal Dictionary<string, (GraphQLField Field, FieldType FieldType)> Collect(ExecutionContext context, IObjectGraphType type, GraphQLSelectionSet selections) =>
        CollectFieldsFrom(context, type, selections, null);

    /// <summary>The options a plan's JSON writer takes, from the serializer's.</summary>
    internal static JsonWriterOptions WriterOptions(JsonSerializerOptions options) =>
        new() { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true };
}
