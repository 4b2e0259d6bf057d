using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// Reads a GraphQL request from a GET's query string or a POST's JSON body, refusing what is not one with a
/// message that says exactly what is wrong (which parameter, which type) rather than a serializer's.
/// </summary>
internal static class GraphQLRequestReader
{
    private static readonly (string Name, JsonValueKind Kind)[] Parameters =
    [
        ("query", JsonValueKind.String),
        ("operationName", JsonValueKind.String),
        ("documentId", JsonValueKind.String),
        ("variables", JsonValueKind.Object),
        ("extensions", JsonValueKind.Object),
    ];

    public static GraphQLRequest FromQueryString(IQueryCollection query, IGraphQLTextSerializer serializer)
    {
        foreach (var (name, _) in Parameters)
        {
            if (query[name].Count > 1) throw new BadRequestException(ErrorCodes.BadRequest, $"Give the '{name}' parameter once.");
        }
        return RequireDocument(new GraphQLRequest
        {
            Query = NullIfEmpty(query["query"]),
            OperationName = NullIfEmpty(query["operationName"]),
            DocumentId = NullIfEmpty(query["documentId"]),
            Variables = ObjectParameter(NullIfEmpty(query["variables"]), "variables", serializer),
            Extensions = ObjectParameter(NullIfEmpty(query["extensions"]), "extensions", serializer),
        });
    }

    /// <summary>A POST's body as text, once its Content-Type says it is JSON.</summary>
    public static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.ContentType))
            throw new BadRequestException(ErrorCodes.UnsupportedMediaType, "A POST needs the header Content-Type: application/json.", StatusCodes.Status415UnsupportedMediaType);
        if (!MediaTypes.IsJsonContent(request.ContentType))
            throw new BadRequestException(ErrorCodes.UnsupportedMediaType, $"The body must be application/json (UTF-8), not {request.ContentType}.", StatusCodes.Status415UnsupportedMediaType);

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    public static GraphQLRequest FromBody(string body, IGraphQLTextSerializer serializer)
    {
        if (string.IsNullOrWhiteSpace(body))
            throw new BadRequestException(ErrorCodes.BadRequest, "The body is empty: send a JSON object with a 'query' string.");

        using (var json = ParseJson(body, "The body"))
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                throw new BadRequestException(ErrorCodes.BatchingNotSupported, "Batched requests (a JSON array of operations) are not supported; send one operation per request.");
            if (root.ValueKind != JsonValueKind.Object)
                throw new BadRequestException(ErrorCodes.BadRequest, $"The body must be a JSON object with a 'query' string, not {Describe(root.ValueKind)}.");
            foreach (var (name, kind) in Parameters)
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind is not JsonValueKind.Null && value.ValueKind != kind)
                    throw new BadRequestException(ErrorCodes.BadRequest, $"'{name}' must be {Describe(kind)} or null, not {Describe(value.ValueKind)}.");
            }
        }
        return RequireDocument(Deserialize<GraphQLRequest>(body, "The body", serializer)
            ?? throw new BadRequestException(ErrorCodes.BadRequest, "The body must be a JSON object with a 'query' string."));
    }

    private static Inputs? ObjectParameter(string? text, string name, IGraphQLTextSerializer serializer)
    {
        if (text is null) return null;
        using (var json = ParseJson(text, $"The '{name}' parameter"))
        {
            var kind = json.RootElement.ValueKind;
            if (kind == JsonValueKind.Null) return null;
            if (kind != JsonValueKind.Object)
                throw new BadRequestException(ErrorCodes.BadRequest, $"The '{name}' parameter must be a JSON object, not {Describe(kind)}.");
        }
        return Deserialize<Inputs>(text, $"The '{name}' parameter", serializer);
    }

    private static JsonDocument ParseJson(string text, string what)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own position notation; say it the way people count.
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            throw new BadRequestException(ErrorCodes.BadRequest, $"{what} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {reason}");
        }
    }

    private static T? Deserialize<T>(string text, string what, IGraphQLTextSerializer serializer) where T : class
    {
        try
        {
            return serializer.Deserialize<T>(text);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            if (LoneSurrogateEscape(text) is { } escape)
                throw new BadRequestException(Input.UnsafeText.Code, $"{what} holds a lone surrogate ({escape}) in a string; such characters are not accepted.");
            throw new BadRequestException(ErrorCodes.BadRequest, $"{what} could not be read as a GraphQL request: {e.Message}");
        }
    }

    /// <summary>
    /// The first <c>\uXXXX</c> escape in JSON text that is half of a surrogate pair without its other half, or null.
    /// JSON may spell one; no string can hold it, so the serializer refuses it with a message about conversion.
    /// </summary>
    internal static string? LoneSurrogateEscape(string json)
    {
        for (var i = 0; i < json.Length - 1; i++)
        {
            if (json[i] != '\\') continue;
            if (json[i + 1] != 'u' || !Hex(json, i + 2, out var unit))
            {
                i++;
                continue;
            }
            if (char.IsHighSurrogate((char)unit) && i + 12 <= json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                && Hex(json, i + 8, out var low) && char.IsLowSurrogate((char)low))
            {
                i += 11;
                continue;
            }
            if (char.IsSurrogate((char)unit)) return json.Substring(i, 6);
            i += 5;
        }
        return null;

        static bool Hex(string text, int start, out int value)
        {
            value = 0;
            return start + 4 <= text.Length && int.TryParse(text.AsSpan(start, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out value);
        }
    }

    /// <summary>A request names its document by its text, its id, or its hash (an automatic persisted query).</summary>
    private static GraphQLRequest RequireDocument(GraphQLRequest request) =>
        request.Query is not null || request.DocumentId is not null || request.Extensions?.ContainsKey(Documents.PersistedDocuments.Extension) == true
            ? request
            : throw new BadRequestException(ErrorCodes.BadRequest, "The request needs a 'query' (or a persisted 'documentId').");

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrEmpty(value) ? null : value.ToString();

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A request that is not a GraphQL request at all: answered before anything executes.</summary>
internal sealed class BadRequestException(string code, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}
