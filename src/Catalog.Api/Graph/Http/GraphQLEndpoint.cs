using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// GraphQL over HTTP on one path: POST with a JSON body, GET with query parameters (queries only), answered as
/// application/graphql-response+json or application/json by the Accept header, with the status codes of the
/// GraphQL-over-HTTP specification. A browser's GET without a query gets the IDE.
/// </summary>
public sealed class GraphQLEndpoint(IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, KnownDocuments known, IdeAssets ide)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, "METHOD_NOT_ALLOWED", $"{request.Method} is not supported; use GET or POST.");
            return;
        }
        if (isGet && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId") && MediaTypes.PrefersHtml(request.Headers.Accept))
        {
            await ide.WritePageAsync(http);
            return;
        }

        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json, "NOT_ACCEPTABLE",
                $"The Accept header must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        GraphQLRequest? graphQLRequest;
        try
        {
            graphQLRequest = isGet ? FromQueryString(request.Query) : await FromBodyAsync(http);
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, e.Status, mediaType, e.Code, e.Message);
            return;
        }
        if (graphQLRequest is null) return;

        var rules = isGet ? new IValidationRule[] { QueryOnlyOverGetRule.Instance } : [];
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = DocumentValidator.CoreRules.Concat(rules).ToArray(),
            CachedDocumentValidationRules = rules,
        });
        if (result.Executed && graphQLRequest.Query is { } text) known.Add(text);

        var status = StatusCodes.Status200OK;
        if (result.Errors?.Any(e => e.Code == QueryOnlyOverGetRule.Code) == true)
        {
            status = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
        }
        else if (!result.Executed && mediaType == MediaTypes.GraphQLResponse)
        {
            status = StatusCodes.Status400BadRequest;
        }
        await WriteAsync(http, status, mediaType, result);
    }

    private GraphQLRequest FromQueryString(IQueryCollection query)
    {
        if (query["query"].Count > 1) throw new BadRequestException("BAD_REQUEST", "Give the 'query' parameter once.");
        return new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            DocumentId = NullIfEmpty(query["documentId"]),
            Variables = Json<Inputs>(NullIfEmpty(query["variables"]), "variables"),
            Extensions = Json<Inputs>(NullIfEmpty(query["extensions"]), "extensions"),
        }.RequireDocument();
    }

    private async Task<GraphQLRequest?> FromBodyAsync(HttpContext http)
    {
        if (string.IsNullOrEmpty(http.Request.ContentType))
            throw new BadRequestException("UNSUPPORTED_MEDIA_TYPE", "A POST needs the header Content-Type: application/json.", StatusCodes.Status415UnsupportedMediaType);
        if (!MediaTypes.IsJsonContent(http.Request.ContentType))
            throw new BadRequestException("UNSUPPORTED_MEDIA_TYPE", $"The body must be application/json (UTF-8), not {http.Request.ContentType}.", StatusCodes.Status415UnsupportedMediaType);

        using var reader = new StreamReader(http.Request.Body, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (body.AsSpan().TrimStart().StartsWith("["))
            throw new BadRequestException("BATCHING_NOT_SUPPORTED", "Batched requests (a JSON array of operations) are not supported; send one operation per request.");
        return Json<GraphQLRequest>(body, "body")?.RequireDocument()
            ?? throw new BadRequestException("BAD_REQUEST", "The body must be a JSON object with a 'query' string.");
    }

    private T? Json<T>(string? text, string what) where T : class
    {
        if (text is null) return null;
        try
        {
            return serializer.Deserialize<T>(text);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            throw new BadRequestException("BAD_REQUEST", $"The {what} is not valid JSON of the expected shape: {e.Message}");
        }
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value) ? null : value.ToString();

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        var result = new ExecutionResult();
        result.AddError(new ExecutionError(message) { Code = code });
        return WriteAsync(http, status, mediaType, result);
    }
}

/// <summary>A request that is not a GraphQL request at all: answered before anything executes.</summary>
internal sealed class BadRequestException(string code, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

internal static class GraphQLRequestChecks
{
    public static GraphQLRequest RequireDocument(this GraphQLRequest request) =>
        request.Query is not null || request.DocumentId is not null
            ? request
            : throw new BadRequestException("BAD_REQUEST", "The request needs a 'query' (or a persisted 'documentId').");
}
