namespace Catalog.Api;

/// <summary>
/// Every <c>extensions.code</c> Catalog answers with, in one place. Clients branch on them, so a code never changes
/// its meaning; a new condition gets a new code.
/// </summary>
public static class ErrorCodes
{
    // A request that is not a GraphQL request Catalog can take: refused before anything executes.
    public const string BadRequest = "BAD_REQUEST";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    // Documents sent by hash: automatic persisted queries (Apollo's protocol) and GraphQL.NET's documentId.
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string DocumentNotFound = "DOCUMENT_NOT_FOUND";
    public const string DocumentIdInvalid = "DOCUMENT_ID_INVALID";
    /// <summary>GraphQL.NET's, for a request with both a query and a documentId.</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    // Changing the catalog.
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Conflict = "CONFLICT";
    public const string SeedInvalid = "SEED_INVALID";

    // Arguments a client got wrong.
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string BadPageSize = "BAD_PAGE_SIZE";
    public const string BadCursor = "BAD_CURSOR";
    public const string TooManyIds = "TOO_MANY_IDS";
    /// <summary>The widget's definitions request: ids that are not comma-separated positive numbers.</summary>
    public const string BadIds = "BAD_IDS";
    /// <summary>The widget's definitions request: a language other than ja and en.</summary>
    public const string BadLang = "BAD_LANG";
    /// <summary>The widget's links request: a body that is not <c>{"blocks": ["text", ...]}</c>.</summary>
    public const string BadBlocks = "BAD_BLOCKS";
    /// <summary>The widget's links request: more blocks than one request may hold.</summary>
    public const string TooManyBlocks = "TOO_MANY_BLOCKS";
    public const string BadQuery = "BAD_QUERY";
    public const string BadMaxHops = "BAD_MAX_HOPS";
    /// <summary>A string holding NUL, another control character or a lone surrogate, anywhere in the request.</summary>
    public const string InvalidText = "INVALID_TEXT";

    // Limits: a request refused for what it asks of the service.
    public const string MaxDepth = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexity = "MAX_COMPLEXITY_EXCEEDED";
    /// <summary>More selections than allowed once fragments are expanded (fragment doubling).</summary>
    public const string MaxFields = "MAX_FIELDS_EXCEEDED";
    public const string MaxAliases = "MAX_ALIASES_EXCEEDED";
    public const string MaxDirectives = "MAX_DIRECTIVES_EXCEEDED";
    public const string MaxTokens = "MAX_TOKENS_EXCEEDED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string UriTooLong = "URI_TOO_LONG";
    public const string Timeout = "TIMEOUT";
    public const string RateLimited = "RATE_LIMITED";
    public const string Overloaded = "OVERLOADED";

    /// <summary>The last of an answer's errors when there were more than it lists: says how many more.</summary>
    public const string MoreErrors = "MORE_ERRORS";

    /// <summary>What the request needs of a new catalog version is still being made (the widget's links, just after a change).</summary>
    public const string NotReady = "NOT_READY";

    // Faults of the service: the message names only a correlation id.
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";
    public const string OutOfMemory = "OUT_OF_MEMORY";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The metric tag of an error that carries no code (none of Catalog's errors; GraphQL.NET's may).</summary>
    public const string Uncoded = "UNKNOWN";

    private static readonly HashSet<string> Limits =
        [MaxDepth, MaxComplexity, MaxFields, MaxAliases, MaxDirectives, MaxTokens, DocumentTooLarge, BodyTooLarge, UriTooLong, Timeout, RateLimited, Overloaded];

    /// <summary>True for the codes of a request refused by a limit.</summary>
    public static bool IsLimit(string? code) => code is not null && Limits.Contains(code);
}
