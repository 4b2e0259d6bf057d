namespace Catalog.Api.Graph.Limits;

/// <summary>The stable <c>extensions.code</c> of each limit, for clients to branch on.</summary>
public static class LimitErrors
{
    public const string MaxDepth = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexity = "MAX_COMPLEXITY_EXCEEDED";
    public const string MaxAliases = "MAX_ALIASES_EXCEEDED";
    public const string MaxDirectives = "MAX_DIRECTIVES_EXCEEDED";
    public const string MaxTokens = "MAX_TOKENS_EXCEEDED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string Timeout = "TIMEOUT";
    public const string RateLimited = "RATE_LIMITED";
    public const string Overloaded = "OVERLOADED";

    private static readonly HashSet<string> All = [MaxDepth, MaxComplexity, MaxAliases, MaxDirectives, MaxTokens, DocumentTooLarge, BodyTooLarge, Timeout, RateLimited, Overloaded];

    /// <summary>True for the codes of a request refused by a limit.</summary>
    public static bool IsLimit(string? code) => code is not null && All.Contains(code);
}
