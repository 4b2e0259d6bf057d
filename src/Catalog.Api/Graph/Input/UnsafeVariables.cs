using GraphQL;
using GraphQL.DI;

namespace Catalog.Api.Graph.Input;

/// <summary>
/// Refuses a request whose variables or extensions hold <see cref="UnsafeText"/> before anything runs. Variables change with every
/// request, also for a document taken from the cache, so they are checked here rather than in validation.
/// </summary>
public sealed class UnsafeVariables : IConfigureExecution
{
    public float SortOrder => GraphQLPipeline.Order.UnsafeVariables;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var problem = options.Variables is { } variables && Find(variables, "$") is { } inVariables ? ("The variable " + inVariables.Path, inVariables.What)
            : options.Extensions is { } extensions && Find(extensions, "extensions") is { } inExtensions ? ("The request's " + inExtensions.Path, inExtensions.What)
            : ((string Where, string What)?)null;
        if (problem is { } found)
        {
            var result = new ExecutionResult();
            result.AddError(new ExecutionError($"{found.Where} holds {found.What}; such characters are not accepted.") { Code = UnsafeText.Code });
            return Task.FromResult(result);
        }
        return next(options);
    }

    private static (string Path, string What)? Find(object? value, string path) => value switch
    {
        string text => UnsafeText.Problem(text) is { } what ? (path, what) : null,
        IEnumerable<KeyValuePair<string, object?>> map => map.Select(p => UnsafeText.Problem(p.Key) is { } what ? (path, what) : Find(p.Value, $"{path}.{p.Key}")).FirstOrDefault(p => p is not null),
        System.Collections.IEnumerable list => list.Cast<object?>().Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
