using System.Net.Sockets;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Catalog.Api.Graph.Errors;

/// <summary>
/// Shapes the errors a response carries. Unexpected exceptions are logged with the request's correlation id and,
/// outside Development, replaced by a message that names only that id (no exception text, stack or SQL): a
/// database that does not answer is DATABASE_UNAVAILABLE, an answer that did not fit in the memory the process may use
/// (a replica with a memory limit asked for a whole catalog of hundreds of thousands of entries) OUT_OF_MEMORY,
/// anything else INTERNAL_ERROR. With introspection
/// turned off, "Did you mean ...?" suggestions are cut from validation messages, since they leak the schema.
/// </summary>
public sealed class ErrorMasking(IHttpContextAccessor http, IHostEnvironment environment, IOptions<CatalogOptions> catalog, ILogger<ErrorMasking> logger) : IConfigureExecution
{
    public float SortOrder => GraphQLPipeline.Order.ErrorMasking;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options).ConfigureAwait(false);
        if (result.Errors is not { Count: > 0 } errors) return result;

        var correlationId = http.HttpContext?.TraceIdentifier ?? "";
        var expose = environment.IsDevelopment();
        var suggest = catalog.Value.Introspection;
        var shaped = new ExecutionErrors();
        var listed = errors.Count <= MaxErrors ? errors.Count : MaxErrors - 1;
        foreach (var error in errors.Take(listed))
        {
            if (error is UnhandledError && error.InnerException is { } exception)
                shaped.Add(Mask(error, exception, correlationId, expose));
            else if (!suggest && error.Message.IndexOf(" Did you mean", StringComparison.Ordinal) is > 0 and var cut)
                shaped.Add(Copy(error, error.Message[..cut]));
            else
                shaped.Add(error);
        }
        if (listed < errors.Count)
        {
            shaped.Add(new ExecutionError(
                $"{errors.Count - listed} more errors are left out of this answer, which lists the first {listed}; correct those and send it again to see the rest.")
            {
                Code = ErrorCodes.MoreErrors,
            });
        }
        result.Errors = shaped;
        return result;
    }

    /// <summary>The most errors an answer lists: past it, the last says how many more there were.</summary>
    public const int MaxErrors = 100;

    private ExecutionError Mask(ExecutionError error, Exception exception, string correlationId, bool expose)
    {
        var path = error.Path is { } p ? string.Join('.', p) : "";
        var code = IsDatabaseFault(exception) ? ErrorCodes.DatabaseUnavailable
            : IsMemoryFault(exception) ? ErrorCodes.OutOfMemory
            : ErrorCodes.InternalError;
        switch (code)
        {
            case ErrorCodes.DatabaseUnavailable:
                // Pooled connections to a server that went away are dead; drop them so recovery needs no restart.
                NpgsqlConnection.ClearAllPools();
                logger.LogWarning(exception, "The database did not answer (correlation id {CorrelationId})", correlationId);
                break;
            case ErrorCodes.OutOfMemory:
                logger.LogWarning(exception, "Out of memory at {Path} (correlation id {CorrelationId})", path, correlationId);
                break;
            default:
                logger.LogError(exception, "Unhandled error at {Path} (correlation id {CorrelationId})", path, correlationId);
                break;
        }
        var masked = expose ? error : Copy(error, MessageOf(code, correlationId));
        masked.Code = code;
        masked.Extensions ??= new Dictionary<string, object?>();
        masked.Extensions["correlationId"] = correlationId;
        return masked;
    }

    internal static bool IsDatabaseFault(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            // A PostgresException is the server answering (a constraint, a syntax error): not unavailability.
            if (e is NpgsqlException and not PostgresException or SocketException or TimeoutException) return true;
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" }) return true;
        }
        return false;
    }

    private static string MessageOf(string code, string correlationId) => code switch
    {
        ErrorCodes.DatabaseUnavailable => $"The catalog's database is not answering; try again shortly. Correlation id: {correlationId}.",
        // Thrown after a full collection; once the request's own objects are freed the service goes on (unless
        // handling the error itself ran out of memory, which ends the process), and a page at a time fits.
        ErrorCodes.OutOfMemory => $"The answer did not fit in the memory this service may use; ask for less at once (a page with `first` and `after`). Correlation id: {correlationId}.",
        _ => $"An internal error occurred. Correlation id: {correlationId}.",
    };

    private static bool IsMemoryFault(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is OutOfMemoryException) return true;
        return false;
    }

    private static ExecutionError Copy(ExecutionError error, string message)
    {
        var copy = new ExecutionError(message) { Code = error.Code, Path = error.Path };
        if (error.Locations is { } locations)
        {
            foreach (var location in locations) copy.AddLocation(location);
        }
        if (error.Extensions is { } extensions)
        {
            copy.Extensions = new Dictionary<string, object?>(extensions);
        }
        return copy;
    }
}
