using System.Threading.RateLimiting;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// At most <see cref="LimitsOptions.MaxConcurrentRequests"/> GraphQL executions at once, the others queued first come,
/// first served; past <see cref="LimitsOptions.MaxQueuedRequests"/> waiting, a request is refused with OVERLOADED.
/// Only execution holds a turn: answers from the GET cache, the IDE, the widget and the writing of a response to a
/// slow client never do. Executions at once share the cores and keep each other's objects alive through every
/// collection, so a few at a time finish sooner than many.
/// </summary>
public sealed class ExecutionGate(IOptions<LimitsOptions> options) : IConfigureExecution
{
    private readonly LimitsOptions _limits = options.Value;

    private readonly ConcurrencyLimiter? _limiter = options.Value.MaxConcurrentRequests <= 0 ? null : new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = Math.Max(0, options.Value.MaxQueuedRequests),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public float SortOrder => GraphQLPipeline.Order.ExecutionGate;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (_limiter is null) return await next(options).ConfigureAwait(false);
        using var turn = await _limiter.AcquireAsync(1, options.CancellationToken).ConfigureAwait(false);
        if (turn.IsAcquired) return await next(options).ConfigureAwait(false);
        var refused = new ExecutionResult { Executed = false };
        refused.AddError(new ExecutionError(
            $"The service is overloaded: {_limits.MaxConcurrentRequests} requests are executing (MaxConcurrentRequests) and {_limits.MaxQueuedRequests} are waiting (MaxQueuedRequests); retry after 1 s.")
        {
            Code = ErrorCodes.Overloaded,
        });
        return refused;
    }
}
