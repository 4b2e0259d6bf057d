namespace Catalog.Api.Graph.Limits;

/// <summary>What one request may ask of the service, from the <c>Catalog:Limits</c> configuration section.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Catalog:Limits";

    /// <summary>Nesting of selection sets below the operation; introspection subtrees do not count.</summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>Estimated cost: each field costs 1, times the <c>first</c> of the connections (or 5 per plain list) above it.</summary>
    public int MaxComplexity { get; set; } = 250_000;

    /// <summary>
    /// Selections of an operation (fields, inline fragments, spreads) once every fragment spread is replaced by its
    /// fragment: bounds what validation, the complexity analyzer and execution expand, whatever the fragments' shape.
    /// </summary>
    public int MaxFields { get; set; } = 5_000;

    /// <summary>Fields requested under a name other than their own, in the whole document.</summary>
    public int MaxAliases { get; set; } = 15;

    /// <summary>Directives (<c>@include</c>, <c>@skip</c>, ...) in the whole document.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>Lexical tokens of the document (names, punctuation, values; not comments), counted before parsing.</summary>
    public int MaxTokens { get; set; } = 2_000;

    /// <summary>Characters of the document text.</summary>
    public int MaxDocumentLength { get; set; } = 20_000;

    /// <summary>
    /// Characters of a request's path and query string (a GET's document and variables, the widget's ids); past it the
    /// answer is 414 with URI_TOO_LONG, readable from any origin.
    /// </summary>
    public int MaxUrlLength { get; set; } = 8_192;

    /// <summary>Bytes of a request body.</summary>
    public long MaxBodyBytes { get; set; } = 100_000;

    /// <summary>Seconds one request may execute before it is abandoned with a TIMEOUT error.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Seconds a mutation may execute: an import within the notes' limits (seed/README.md) finishes well within it,
    /// however many wait before it.
    /// </summary>
    public double WriteTimeoutSeconds { get; set; } = 60;

    /// <summary>Requests per client IP address and window; <c>/health/*</c> is exempt. 0 turns rate limiting off.</summary>
    public int RateLimitPermits { get; set; } = 300;

    /// <summary>The rate limit's window in seconds.</summary>
    public int RateLimitWindowSeconds { get; set; } = 10;

    /// <summary>
    /// GraphQL requests executing at once; the others wait their turn in arrival order. Answers from the GET cache, the
    /// IDE, the widget and health never wait. 0 turns it off.
    /// By default twice the processor count and at least 4, so that a one-CPU replica still overlaps its waits on the database.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>Requests that may wait for a turn; beyond them a request is refused at once with OVERLOADED.</summary>
    public int MaxQueuedRequests { get; set; } = 1_000;

    /// <summary>
    /// Mutations executing at once, apart from the queries above, so that imports never make reads wait; the others
    /// wait their turn in arrival order. Changes are written one transaction at a time anyway. 0 turns it off.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 1;

    /// <summary>Mutations that may wait for a turn; beyond them a mutation is refused at once with OVERLOADED.</summary>
    public int MaxQueuedWrites { get; set; } = 100;
}
