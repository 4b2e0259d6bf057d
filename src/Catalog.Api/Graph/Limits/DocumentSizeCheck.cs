using GraphQL;
using GraphQL.DI;
using GraphQLParser;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Catalog.Api.Graph.Limits;

/// <summary>
/// Refuses a document by its length and its token count before it is parsed, so a huge or token-stuffed
/// document (field duplication, a thousand operations) costs a lexer pass and no parse, validation or SQL.
/// </summary>
public sealed class DocumentSizeCheck(IOptions<LimitsOptions> limits) : IConfigureExecution
{
    public float SortOrder => GraphQLPipeline.Order.DocumentSizeCheck;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } text && Refusal(text, limits.Value) is { } error)
        {
            var result = new ExecutionResult { Executed = false };
            result.AddError(error);
            return Task.FromResult(result);
        }
        return next(options);
    }

    internal static ExecutionError? Refusal(string text, LimitsOptions limits)
    {
        if (text.Length > limits.MaxDocumentLength)
        {
            return new ExecutionError($"The document is {text.Length} characters long; the limit (MaxDocumentLength) is {limits.MaxDocumentLength}.")
            {
                Code = ErrorCodes.DocumentTooLarge,
            };
        }
        var tokens = CountTokens(text, limits.MaxTokens + 1);
        return tokens > limits.MaxTokens
            ? new ExecutionError($"The document has more than {limits.MaxTokens} tokens; the limit (MaxTokens) is {limits.MaxTokens}.") { Code = ErrorCodes.MaxTokens }
            : null;
    }

    /// <summary>Counts tokens other than comments, stopping at <paramref name="stopAt"/> or at a syntax error (the parser reports it).</summary>
    internal static int CountTokens(string text, int stopAt)
    {
        var source = new ROM(text.AsMemory());
        var count = 0;
        var position = 0;
        try
        {
            while (count < stopAt)
            {
                var token = Lexer.Lex(source, position);
                if (token.Kind == TokenKind.EOF) break;
                if (token.Kind != TokenKind.COMMENT) count++;
                position = token.End;
            }
        }
        catch (GraphQLSyntaxErrorException)
        {
        }
        return count;
    }
}
