using System.Collections;
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
