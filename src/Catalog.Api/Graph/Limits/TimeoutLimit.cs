using GraphQL;

namespace Catalog.Api.Graph.Limits;

/// <summary>What a request that ran longer than <see cref="LimitsOptions.TimeoutSeconds"/> gets.</summary>
internal static class TimeoutLimit
{
    public static ExecutionResult Result(LimitsOptions limits)
    {
        var result = new ExecutionResult();
        result.AddError(new ExecutionError($"The request ran longer than {limits.TimeoutSeconds:0.###} s; the limit (TimeoutSeconds) is {limits.TimeoutSeconds:0.###} s.")
        {
            Code = ErrorCodes.Timeout,
        });
        return result;
    }
}
