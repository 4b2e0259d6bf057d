using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace Catalog.Api.Graph.Documents;

/// <summary>
/// Keeps parsed documents that passed validation, keyed by their text, so a repeated query skips parsing and
/// validation. Bounded by the total length of the cached texts; the least recently used go first.
/// </summary>
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    /// <summary>The total length of query text the cache holds (about ten times that in memory).</summary>
    public const long SizeLimit = 2_000_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public float SortOrder => GraphQLPipeline.Order.DocumentCache;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is null) return await next(options).ConfigureAwait(false);

        var cached = _cache.TryGetValue(options.Query, out GraphQLDocument? document);
        if (cached)
        {
            options.Document = document;
            Telemetry.CatalogTelemetry.RecordDocumentCacheHit();
            // Rules that depend on the request (the GET rule) run again; the rest passed when the document was cached.
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }
        var result = await next(options).ConfigureAwait(false);
        // Executed means the document parsed and passed validation; the executer hands the parsed document back on
        // the result, not on the options.
        if (!cached && result.Executed && result.Document is { } parsed)
            _cache.Set(options.Query, parsed, new MemoryCacheEntryOptions { Size = options.Query.Length });
        return result;
    }

    public void Dispose() => _cache.Dispose();
}
