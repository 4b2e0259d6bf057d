using System.Collections;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.Execution;

namespace Catalog.Api.Graph.Http;

/// <summary>
/// Writes an execution result as JSON, the way GraphQL.NET's own converter does (data, then errors and extensions
/// through the serializer's converters), but writes the scalars of <c>data</c> directly: strings, numbers, booleans
/// and lists of them are nearly every value a catalog answer holds, and handing each one to
/// <see cref="JsonSerializer"/> as an <see cref="object"/> (a type look-up per value) cost as much as executing the
/// query. Anything else still goes through the serializer.
/// </summary>
public sealed class ExecutionResultWriter : JsonConverter<ExecutionResult>
{
    public override bool CanConvert(Type typeToConvert) => typeof(ExecutionResult).IsAssignableFrom(typeToConvert);

    public override ExecutionResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An execution result is only ever written.");

    public override void Write(Utf8JsonWriter writer, ExecutionResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            JsonSerializer.Serialize(writer, errors, options);
        }
        if (value.Executed)
        {
            writer.WritePropertyName("data");
            if (value.Data is ExecutionNode node) WriteNode(writer, node, options);
            else JsonSerializer.Serialize(writer, value.Data, options);
        }
        if (value.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions");
            JsonSerializer.Serialize(writer, extensions, options);
        }
        writer.WriteEndObject();
    }

    /// <summary>How many bytes an answer written by <see cref="WriteAsync"/> holds before they go to the client.</summary>
    public const int FlushAt = 64 * 1024;

    /// <summary>
    /// Writes a result straight into a response, sending it on every <see cref="FlushAt"/> bytes. Through
    /// <see cref="JsonSerializer"/>, a converter's output is buffered whole before the first byte leaves (its write
    /// cannot pause), in arrays the shared pool then keeps: answers of 100 MB (the whole glossary of a large
    /// catalog) left arrays of that size behind. The upper levels of <c>data</c> (the root fields, their items and
    /// their fields) are where a large answer is wide, so the writer may pause there; below, nodes are written at once.
    /// </summary>
    public static async Task WriteAsync(PipeWriter body, ExecutionResult result, JsonSerializerOptions options, CancellationToken ct)
    {
        var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
        await using (writer.ConfigureAwait(false))
        {
            var sent = new Sent();
            writer.WriteStartObject();
            if (result.Errors is { Count: > 0 } errors)
            {
                writer.WritePropertyName("errors");
                JsonSerializer.Serialize(writer, errors, options);
            }
            if (result.Executed)
            {
                writer.WritePropertyName("data");
                if (result.Data is ExecutionNode node) await WriteNodeAsync(writer, body, sent, node, options, 3, ct).ConfigureAwait(false);
                else JsonSerializer.Serialize(writer, result.Data, options);
            }
            if (result.Extensions is { Count: > 0 } extensions)
            {
                writer.WritePropertyName("extensions");
                JsonSerializer.Serialize(writer, extensions, options);
            }
            writer.WriteEndObject();
            writer.Flush();
        }
        await body.FlushAsync(ct).ConfigureAwait(false);
    }

    private sealed class Sent
    {
        public long Bytes;
    }

    private static async ValueTask WriteNodeAsync(
        Utf8JsonWriter writer, PipeWriter body, Sent sent, ExecutionNode? node, JsonSerializerOptions options, int levels, CancellationToken ct)
    {
        switch (node)
        {
            case ObjectExecutionNode { SubFields: { } fields } when levels > 0:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(field.Name!);
                    await WriteNodeAsync(writer, body, sent, field, options, levels - 1, ct).ConfigureAwait(false);
                }
                writer.WriteEndObject();
                break;
            case ArrayExecutionNode { Items: { } items } when levels > 0:
                writer.WriteStartArray();
                foreach (var item in items) await WriteNodeAsync(writer, body, sent, item, options, levels - 1, ct).ConfigureAwait(false);
                writer.WriteEndArray();
                break;
            default:
                WriteNode(writer, node, options);
                break;
        }
        var written = writer.BytesCommitted + writer.BytesPending;
        if (written - sent.Bytes < FlushAt) return;
        writer.Flush();
        sent.Bytes = written;
        await body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static void WriteNode(Utf8JsonWriter writer, ExecutionNode? node, JsonSerializerOptions options)
    {
        switch (node)
        {
            case ValueExecutionNode value:
                WriteValue(writer, value.ToValue(), options);
                break;
            case ObjectExecutionNode { SubFields: { } fields }:
                writer.WriteStartObject();
                foreach (var field in fields)
                {
                    writer.WritePropertyName(field.Name!);
                    WriteNode(writer, field, options);
                }
                writer.WriteEndObject();
                break;
            case ArrayExecutionNode { Items: { } items }:
                writer.WriteStartArray();
                foreach (var item in items) WriteNode(writer, item, options);
                writer.WriteEndArray();
                break;
            case ArrayExecutionNode { SerializedResult: { } list }:
                // A list of scalars is kept whole, already serialised by its graph type.
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item, options);
                writer.WriteEndArray();
                break;
            case null or NullExecutionNode or ObjectExecutionNode or ArrayExecutionNode:
                writer.WriteNullValue();
                break;
            default:
                WriteValue(writer, node.ToValue(), options);
                break;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case IEnumerable list and not IDictionary:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item, options);
                writer.WriteEndArray();
                break;
            default: JsonSerializer.Serialize(writer, value, value.GetType(), options); break;
        }
    }
}
