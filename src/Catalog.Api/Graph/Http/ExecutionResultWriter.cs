using System.Buffers;
using System.Collections;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using Catalog.Api.Graph.Plans;
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
            else if (value.Data is PlannedAnswer planned) writer.WriteRawValue(planned.ToSequence(), skipInputValidation: true);
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
    /// Writes a result straight into a response, sending it on every <see cref="FlushAt"/> bytes. Not through
    /// <see cref="JsonSerializer"/>: it buffers a converter's output whole before the first byte leaves (a converter's
    /// write cannot pause), in arrays the shared pool then keeps, as large as the largest answer. The upper levels of
    /// <c>data</c> (the root fields, their items and their fields) are where a large answer is wide, so the writer may
    /// pause there; below, nodes are written at once. The JSON goes into a batch of the writer's own and from there to
    /// the response in one write per send: written into the response's pipe directly, it would grow the pipe a few KB
    /// at a time, each growth a lock taken against the socket's sender.
    /// </summary>
    public static async Task WriteAsync(PipeWriter body, ExecutionResult result, JsonSerializerOptions options, CancellationToken ct)
    {
        using var batch = new Batch();
        var writer = new Utf8JsonWriter(batch, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            if (result.Errors is { Count: > 0 } errors)
            {
                writer.WritePropertyName("errors");
                JsonSerializer.Serialize(writer, errors, options);
            }
            if (result.Executed)
            {
                writer.WritePropertyName("data");
                if (result.Data is ExecutionNode node) await WriteNodeAsync(writer, batch, body, node, options, 3, ct).ConfigureAwait(false);
                else if (result.Data is PlannedAnswer planned) await WritePlannedAsync(writer, batch, body, planned, ct).ConfigureAwait(false);
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
        await batch.SendAsync(body, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a plan's answer as <c>data</c>: what the writer holds first, then the answer's arrays as they are, one write
    /// each; its closing brace goes through the writer, so that the writer knows a value ended and separates what follows.
    /// </summary>
    private static async ValueTask WritePlannedAsync(Utf8JsonWriter writer, Batch batch, PipeWriter body, PlannedAnswer planned, CancellationToken ct)
    {
        writer.Flush();
        await batch.SendAsync(body, ct).ConfigureAwait(false);
        var last = await planned.SendAllButLastAsync(body, ct).ConfigureAwait(false);
        writer.WriteRawValue(new[] { last }, skipInputValidation: true);
    }

    /// <summary>Bytes written but not yet sent, in one array from the shared pool.</summary>
    private sealed class Batch : IBufferWriter<byte>, IDisposable
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(2 * FlushAt);

        public int Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Room(sizeHint).AsMemory(Count);

        public Span<byte> GetSpan(int sizeHint = 0) => Room(sizeHint).AsSpan(Count);

        /// <summary>Sends what the batch holds to <paramref name="body"/> and empties it.</summary>
        public async ValueTask SendAsync(PipeWriter body, CancellationToken ct)
        {
            var bytes = _bytes.AsMemory(0, Count);
            Count = 0;
            await body.WriteAsync(bytes, ct).ConfigureAwait(false);
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_bytes);

        private byte[] Room(int sizeHint)
        {
            if (_bytes.Length - Count >= Math.Max(sizeHint, 1)) return _bytes;
            // A node below the levels where the writer may pause is larger than the batch: it grows.
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(2 * _bytes.Length, Count + sizeHint));
            _bytes.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_bytes);
            return _bytes = larger;
        }
    }

    /// <summary>Writes a node, pausing inside it only at the upper levels, and sends the batch once it is full.</summary>
    private static ValueTask WriteNodeAsync(
        Utf8JsonWriter writer, Batch batch, PipeWriter body, ExecutionNode? node, JsonSerializerOptions options, int levels, CancellationToken ct)
    {
        // Only objects and arrays of the upper levels take the async path: the rest, every field of every item, is
        // written at once, not through an async call each.
        if (levels > 0 && node is ObjectExecutionNode { SubFields: not null } or ArrayExecutionNode { Items: not null })
            return WriteWideNodeAsync(writer, batch, body, node, options, levels, ct);
        WriteNode(writer, node, options);
        return SendIfFullAsync(writer, batch, body, ct);
    }

    private static async ValueTask WriteWideNodeAsync(
        Utf8JsonWriter writer, Batch batch, PipeWriter body, ExecutionNode node, JsonSerializerOptions options, int levels, CancellationToken ct)
    {
        if (node is ObjectExecutionNode { SubFields: { } fields })
        {
            writer.WriteStartObject();
            foreach (var field in fields)
            {
                writer.WritePropertyName(field.Name!);
                await WriteNodeAsync(writer, batch, body, field, options, levels - 1, ct).ConfigureAwait(false);
            }
            writer.WriteEndObject();
        }
        else if (node is ArrayExecutionNode { Items: { } items })
        {
            writer.WriteStartArray();
            foreach (var item in items) await WriteNodeAsync(writer, batch, body, item, options, levels - 1, ct).ConfigureAwait(false);
            writer.WriteEndArray();
        }
        await SendIfFullAsync(writer, batch, body, ct).ConfigureAwait(false);
    }

    private static ValueTask SendIfFullAsync(Utf8JsonWriter writer, Batch batch, PipeWriter body, CancellationToken ct)
    {
        if (batch.Count + writer.BytesPending < FlushAt) return ValueTask.CompletedTask;
        writer.Flush();
        return batch.SendAsync(body, ct);
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

    /// <summary>Writes a serialised scalar (or a list of them) as every answer writes it, the plans' included.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
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
