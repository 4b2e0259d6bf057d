using GraphQL;

namespace Catalog.Api.Graph.Limits;

/// <summary>What a request that ran longer than <see cref="LimitsOptions.TimeoutSeconds"/> (a mutation: <see cref="LimitsOptions.WriteTimeoutSeconds"/>) gets.</summary>
internal static class TimeoutLimit
{
    public static ExecutionResult Result(ExecutionOptions options, LimitsOptions limits)
    {
        var seconds = options.Timeout.TotalSeconds;
        var setting = ExecutionGate.IsWrite(options) ? nameof(LimitsOptions.WriteTimeoutSeconds) : nameof(LimitsOptions.TimeoutSeconds);
        var result = new ExecutionResult();
        result.AddError(new ExecutionError($"The request ran longer than {seconds:0.###} s; the limit ({setting}) is {seconds:0.###} s.")
        {
            Code = ErrorCodes.Timeout,
        });
        return result;
    }
}
