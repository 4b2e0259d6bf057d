using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// GraphQL.NET's System.Text.Json serializer with the catalog's settings (answers keep their non-ASCII text as is,
/// results are written by <see cref="ExecutionResultWriter"/>), and a way to write a result straight into a response.
/// </summary>
public sealed class CatalogJsonSerializer(IErrorInfoProvider errors) : GraphQLSerializer(Configure, errors)
{
    /// <summary>Writes a result into a response as it is made (see <see cref="ExecutionResultWriter.WriteAsync"/>).</summary>
    public Task WriteResultAsync(PipeWriter body, ExecutionResult result, CancellationToken ct) =>
        ExecutionResultWriter.WriteAsync(body, result, SerializerOptions, ct);

    /// <summary>The options results are written with, for writers of the catalog's own.</summary>
    internal JsonSerializerOptions Options => SerializerOptions;

    private static void Configure(JsonSerializerOptions json)
    {
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        json.Converters.Add(new ExecutionResultWriter());
    }
}
