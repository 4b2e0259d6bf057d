using System.Text.Json;
using System.Text.Json.Serialization;

namespace Catalog.Api.Data;

/// <summary>
/// Reads entities from PostgreSQL's <c>to_jsonb(row)</c>: snake_case columns onto the entity's properties, enums in
/// their <see cref="EnumText{T}"/> spelling. For a hand-written statement that returns whole rows of several tables
/// at once; a column the entity lacks is ignored, a required property the row lacks fails loudly.
/// </summary>
public static class EntityJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new EnumTextConverter() },
    };

    public static T Read<T>(string json) where T : class, IEntity =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"No {typeof(T).Name} in '{json}'.");

    private sealed class EnumTextConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

        private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                EnumText<T>.Parse(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null."));

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(EnumText<T>.ToText(value));
        }
    }
}
