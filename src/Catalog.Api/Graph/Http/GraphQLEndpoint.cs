using Catalog.Api.Caching;
using Catalog.Api.Graph.Limits;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using Microsoft.Net.Http.Headers;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// GraphQL over HTTP on one path: POST with a JSON body, GET with query parameters (queries only), answered as
/// application/graphql-response+json or application/json by the Accept header, with the status codes of the
/// GraphQL-over-HTTP specification. Successful queries are kept by the <see cref="ResponseCache"/> (sent in the
/// content coding the client accepts, each coding made once per kept answer: <see cref="Compression.EncodedContent"/>),
/// and a GET's answer is marked cacheable for browsers, proxies and CDNs.
/// What comes before (CORS, authentication, limits, the IDE) is ASP.NET Core middleware, see Program.cs; what comes
/// after, between the request and the resolvers, is the GraphQL pipeline, see <see cref="GraphQLPipeline"/>.
/// </summary>
public sealed class GraphQLEndpoint(IDocumentExecuter<ISchema> executer, CatalogJsonSerializer serializer, ResponseCache responses)
{
    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        // The answer depends on Accept (JSON or graphql-response+json; the IDE for browsers), so caches must key GETs on it.
        http.Response.Headers.Vary = HeaderNames.Accept;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, MediaTypes.Json, ErrorCodes.MethodNotAllowed, $"{request.Method} is not supported; use GET or POST.");
            return;
        }
        var mediaType = MediaTypes.Negotiate(request.Headers.Accept);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json, ErrorCodes.NotAcceptable,
                $"The Accept header must allow {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        // A POST's body is read first: it is the POST's key in the response cache.
        string? body = null;
        try
        {
            if (!isGet) body = await GraphQLRequestReader.ReadBodyAsync(request, http.RequestAborted);
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, e.Status, mediaType, e.Code, e.Message);
            return;
        }

        // A query answered before at the catalog's current version is answered again without executing.
        var cacheKey = ResponseCache.KeyOf(request, mediaType, body);
        if (cacheKey is not null && responses.TryGet(cacheKey, out var kept))
        {
            Telemetry.CatalogTelemetry.RecordResponseCacheHit();
            await kept.Content.WriteAsync(http, HttpCaching.CacheControlOf(http));
            return;
        }
        var version = responses.Version;

        GraphQLRequest graphQLRequest;
        try
        {
            graphQLRequest = body is null
                ? GraphQLRequestReader.FromQueryString(request.Query, serializer)
                : GraphQLRequestReader.FromBody(body, serializer);
        }
        catch (BadRequestException e)
        {
            await WriteErrorAsync(http, e.Status, mediaType, e.Code, e.Message);
            return;
        }

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
        });
        var status = StatusOf(http, result, mediaType);
        var keepAs = cacheKey is not null && responses.IsWorthKeeping(cacheKey, isGet) ? cacheKey : null;
        await WriteAsync(http, status, mediaType, result, isGet, keepAs, version);
    }

    /// <summary>The status of a result, by GraphQL over HTTP, with the headers that go with it.</summary>
    private static int StatusOf(HttpContext http, ExecutionResult result, string mediaType)
    {
        if (result.Errors?.OfType<NotAllowedOverGetError>().ToList() is [_, ..] notOverGet)
        {
            // The method is what is wrong: say only that, not what else the document lacks (a mutation type, say).
            http.Response.Headers.Allow = "POST";
            result.Errors = [.. notOverGet];
            return StatusCodes.Status405MethodNotAllowed;
        }
        if (result.Errors is [{ Code: ErrorCodes.Overloaded }])
        {
            http.Response.Headers.RetryAfter = "1";
            return StatusCodes.Status503ServiceUnavailable;
        }
        return !result.Executed && mediaType == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    /// <summary>
    /// Writes a result: a successful query's kept under <paramref name="keepAs"/> when given, and a GET's with what HTTP
    /// caches need (both need the whole answer in memory first); anything else sent as it is written.
    /// </summary>
    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result, bool isGet = false, string? keepAs = null, long? version = null)
    {
        http.Response.StatusCode = status;
        var contentType = mediaType + "; charset=utf-8";
        if ((isGet || keepAs is not null) && HttpCaching.IsKeepable(status, result))
        {
            var content = await HttpCaching.WriteQueryResultAsync(http, serializer, result, contentType);
            if (keepAs is not null && version is { } at) responses.Add(keepAs, at, content);
            return;
        }
        http.Response.ContentType = contentType;
        await serializer.WriteResultAsync(http.Response.BodyWriter, result, http.RequestAborted);
    }

    private Task WriteErrorAsync(HttpContext http, int status, string mediaType, string code, string message)
    {
        var result = new ExecutionResult();
        result.AddError(new ExecutionError(message) { Code = code });
        return WriteAsync(http, status, mediaType, result);
    }
}
