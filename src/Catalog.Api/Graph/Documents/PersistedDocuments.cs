using GraphQL;
using GraphQL.DI;
using GraphQL.PersistedDocuments;

namespace Catalog.Api.Graph.Documents;

/// <summary>
/// Documents sent by hash instead of text, two ways. GraphQL.NET's <c>documentId: "sha256:&lt;hex&gt;"</c>; and
/// automatic persisted queries as Apollo Client and urql send them, <c>extensions.persistedQuery.sha256Hash</c>: an
/// unknown hash is answered with PERSISTED_QUERY_NOT_FOUND (message <c>PersistedQueryNotFound</c>, which those clients
/// look for), so the client sends the text with the hash once; a text whose sha256 is not the hash is refused. Every
/// text that runs is kept in the <see cref="PersistedDocumentStore"/>, so any instance knows it afterwards.
/// </summary>
public sealed class PersistedDocuments : IConfigureExecution
{
    /// <summary>The extension that carries an automatic persisted query.</summary>
    public const string Extension = "persistedQuery";

    /// <summary>The message Apollo Client and urql recognise as "send the text".</summary>
    public const string NotFoundMessage = "PersistedQueryNotFound";

    private readonly PersistedDocumentStore _store;
    private readonly PersistedDocumentHandler _documentIds;

    public PersistedDocuments(PersistedDocumentStore store)
    {
        _store = store;
        _documentIds = new PersistedDocumentHandler(new PersistedDocumentOptions
        {
            AllowOnlyPersistedDocuments = false,
            GetQueryDelegate = (options, prefix, payload) => prefix == "sha256" ? store.FindAsync(payload, options.CancellationToken) : default,
        });
    }

    public float SortOrder => GraphQLPipeline.Order.PersistedDocuments;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var text = options.Query;
        var result = options.Extensions?.TryGetValue(Extension, out var persistedQuery) == true
            ? await AutomaticAsync(options, persistedQuery, next).ConfigureAwait(false)
            : await _documentIds.ExecuteAsync(options, next).ConfigureAwait(false);
        if (result.Executed && text is not null) await _store.AddAsync(text, options.CancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<ExecutionResult> AutomaticAsync(ExecutionOptions options, object? persistedQuery, ExecutionDelegate next)
    {
        if (options.DocumentId is not null)
            return Refused(ErrorCodes.BadRequest, "Send either a 'documentId' or an automatic persisted query (extensions.persistedQuery), not both.");
        if (persistedQuery is not IReadOnlyDictionary<string, object?> fields
            || !fields.TryGetValue("sha256Hash", out var given) || given is not string hash || !IsSha256(hash))
            return Refused(ErrorCodes.BadRequest, "extensions.persistedQuery must hold 'sha256Hash': the lower-case hex sha256 of the query's UTF-8 text.");
        if (!fields.TryGetValue("version", out var version) || version is not (1 or 1L))
            return Refused(ErrorCodes.BadRequest, "extensions.persistedQuery must hold 'version': 1, the only version of the protocol.");

        if (options.Query is null)
        {
            options.Query = await _store.FindAsync(hash, options.CancellationToken).ConfigureAwait(false);
            if (options.Query is null) return Refused(ErrorCodes.PersistedQueryNotFound, NotFoundMessage);
        }
        else if (PersistedDocumentStore.Sha256(options.Query) is var actual && actual != hash)
        {
            return Refused(ErrorCodes.PersistedQueryHashMismatch, $"The query's sha256 is {actual}, not the sha256Hash given ({hash}).");
        }
        return await next(options).ConfigureAwait(false);
    }

    private static bool IsSha256(string hash) => hash.Length == 64 && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static ExecutionResult Refused(string code, string message)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        return result;
    }
}
