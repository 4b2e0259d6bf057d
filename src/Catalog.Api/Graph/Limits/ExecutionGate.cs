using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// Admits executions in two lines, so that writes never make reads wait: at most
/// <see cref="LimitsOptions.MaxConcurrentRequests"/> queries and <see cref="LimitsOptions.MaxConcurrentWrites"/>
/// mutations at once, each line first come, first served; past its queue a request is refused with OVERLOADED.
/// Only execution holds a turn: answers from the GET cache, the IDE, the widget and the writing of a response to a
/// slow client never do. The line is chosen from the parsed document (parsed here when no earlier step has, and handed
/// on so it is not parsed twice), after the steps that refuse a document by its size.
/// </summary>
public sealed class ExecutionGate(IOptions<LimitsOptions> options, IDocumentBuilder documents) : IConfigureExecution, IDisposable
{
    private readonly LimitsOptions _limits = options.Value;
    private readonly ConcurrencyLimiter? _reads = Limiter(options.Value.MaxConcurrentRequests, options.Value.MaxQueuedRequests);
    private readonly ConcurrencyLimiter? _writes = Limiter(options.Value.MaxConcurrentWrites, options.Value.MaxQueuedWrites);

    public float SortOrder => GraphQLPipeline.Order.ExecutionGate;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var writes = IsMutation(options);
        if (writes)
        {
            options.Timeout = TimeSpan.FromSeconds(_limits.WriteTimeoutSeconds);
            options.UserContext[WriteKey] = true;
        }
        var limiter = writes ? _writes : _reads;
        if (limiter is null) return await next(options).ConfigureAwait(false);
        using var turn = await limiter.AcquireAsync(1, options.CancellationToken).ConfigureAwait(false);
        if (turn.IsAcquired) return await next(options).ConfigureAwait(false);
        var refused = new ExecutionResult { Executed = false };
        refused.AddError(new ExecutionError(writes
            ? $"The service is busy writing: {_limits.MaxConcurrentWrites} changes are executing (MaxConcurrentWrites) and {_limits.MaxQueuedWrites} are waiting (MaxQueuedWrites); retry after 1 s."
            : $"The service is overloaded: {_limits.MaxConcurrentRequests} requests are executing (MaxConcurrentRequests) and {_limits.MaxQueuedRequests} are waiting (MaxQueuedRequests); retry after 1 s.")
        {
            Code = ErrorCodes.Overloaded,
        });
        return refused;
    }

    private const string WriteKey = "catalog.write";

    /// <summary>Whether the gate admitted the request as a write (a mutation).</summary>
    public static bool IsWrite(ExecutionOptions options) => options.UserContext.ContainsKey(WriteKey);

    /// <summary>Whether the operation the request selects is a mutation; a document that does not parse is not.</summary>
    private bool IsMutation(ExecutionOptions options)
    {
        if (options.Document is null && options.Query is { } query)
        {
            try
            {
                options.Document = documents.Build(query);
            }
            catch (GraphQLSyntaxErrorException)
            {
                // The executer reports it, with its location.
                return false;
            }
        }
        if (options.Document is not { } document) return false;
        GraphQLOperationDefinition? selected = null;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (options.OperationName is { } name ? operation.Name?.StringValue == name : selected is null) selected = operation;
        }
        return selected?.Operation == OperationType.Mutation;
    }

    private static ConcurrencyLimiter? Limiter(int permits, int queue) => permits <= 0 ? null : new(new ConcurrencyLimiterOptions
    {
        PermitLimit = permits,
        QueueLimit = Math.Max(0, queue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public void Dispose()
    {
        _reads?.Dispose();
        _writes?.Dispose();
    }
}
