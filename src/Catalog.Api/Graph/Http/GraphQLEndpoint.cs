using Catalog.Api.Graph.Limits;
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
public sealed class GraphQLEndpoint(
    IDocumentExecuter<ISchema> executer, IGraphQLTextSerializer serializer, KnownDocuments known, IdeAssets ide, ResponseCache responses, ExecutionGate gate)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        // The answer depends on Accept (the IDE, JSON or graphql-response+json), so caches must key GETs on it.
        http.Response.Headers.Vary = "Accept";
        if (HttpCaching.AnswerCors(http)) return;
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

        // A GET answered before at the catalog's current revision is answered again without executing.
        var cacheKey = isGet ? ResponseCache.KeyOf(request, mediaType) : null;
        if (cacheKey is not null && responses.TryGet(cacheKey, out var cached))
        {
            Telemetry.CatalogTelemetry.RecordResponseCacheHit();
            http.Response.ContentType = mediaType + "; charset=utf-8";
            await HttpCaching.WriteAsync(http, cached.Body, cached.ETag, HttpCaching.QueryCacheControl);
            return;
        }
        var revision = responses.Revision;

        GraphQLRequest graphQLRequest;
        try
        {
            graphQLRequest = isGet
                ? GraphQLRequestReader.FromQueryString(request.Query, serializer)
                : await GraphQLRequestReader.FromBodyAsync(request, serializer, http.RequestAborted);
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, e.Status, mediaType, e.Code, e.Message);
            return;
        }

        // Only execution takes a turn: writing the answer to a slow client must not keep others waiting.
        ExecutionResult result;
        using (var turn = await gate.EnterAsync(http.RequestAborted))
        {
            if (!turn.IsAcquired)
            {
                Telemetry.CatalogTelemetry.RecordRejected(LimitErrors.Overloaded);
                http.Response.Headers.RetryAfter = "1";
                await WriteErrorAsync(http, StatusCodes.Status503ServiceUnavailable, mediaType, LimitErrors.Overloaded, gate.OverloadedMessage);
                return;
            }
            result = await ExecuteAsync(http, graphQLRequest, isGet);
        }
        if (result.Executed && graphQLRequest.Query is { } text) known.Add(text);

        var status = StatusCodes.Status200OK;
        if (result.Errors?.OfType<NotAllowedOverGetError>().ToList() is [_, ..] notOverGet)
        {
            // The method is what is wrong: say only that, not what else the document lacks (a mutation type, say).
            status = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
            result.Errors = [.. notOverGet];
        }
        else if (!result.Executed && mediaType == MediaTypes.GraphQLResponse)
        {
            status = StatusCodes.Status400BadRequest;
        }
        await WriteAsync(http, status, mediaType, result, cacheKey, revision);
    }

    private Task<ExecutionResult> ExecuteAsync(HttpContext http, GraphQLRequest graphQLRequest, bool isGet)
    {
        // Rules that depend on the request (the GET rule judges the selected operation) run for cached documents too.
        IValidationRule[] requestRules = isGet ? [QueryOnlyOverGetRule.Instance] : [];
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            DocumentId = graphQLRequest.DocumentId,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
            ValidationRules = [.. DocumentValidator.CoreRules, KnownOperationTypeRule.Instance, .. requestRules],
            CachedDocumentValidationRules = requestRules,
        });
    }

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result, string? cacheKey = null, long? revision = null)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        if (HttpCaching.IsCacheable(http, status, result))
        {
            var (body, etag) = await HttpCaching.WriteQueryResultAsync(http, serializer, result);
            if (cacheKey is not null && revision is { } at) responses.Add(cacheKey, at, body, etag);
            return;
        }
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        var result = new ExecutionResult();
        result.AddError(new ExecutionError(message) { Code = code });
        return WriteAsync(http, status, mediaType, result);
    }
}
