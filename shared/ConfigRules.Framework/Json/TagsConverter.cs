using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Json;

/// <summary>
/// Reads a configuration item's tags in every shape AWS writes them: an object of key to value (invoking events,
/// snapshots, BatchGetResourceConfig) or an array of <c>{"key", "value"}</c> objects (select-resource-config's
/// advanced-query schema; <c>Key</c>/<c>Value</c> also accepted). Writes the object shape.
/// </summary>
public sealed class TagsConverter : JsonConverter<Dictionary<string, string?>?>
{
    public override bool HandleNull => true;

    public override Dictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            default:
                throw new JsonException($"Expected tags as an object of key to value or an array of {{\"key\", \"value\"}} objects, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?>? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteStartObject();
        foreach (var (key, tagValue) in value) writer.WriteString(key, tagValue);
        writer.WriteEndObject();
    }

    private static Dictionary<string, string?> ReadObject(ref Utf8JsonReader reader)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            tags[key] = ReadText(ref reader, $"the value of tag '{key}'");
        }
        return tags;
    }

    private static Dictionary<string, string?> ReadArray(ref Utf8JsonReader reader)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new JsonException($"tags[{index}] must be an object with \"key\" and \"value\", found {reader.TokenType}.");
            string? key = null, value = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString()!;
                reader.Read();
                if (property.Equals("key", StringComparison.OrdinalIgnoreCase)) key = ReadText(ref reader, $"tags[{index}].key");
                else if (property.Equals("value", StringComparison.OrdinalIgnoreCase)) value = ReadText(ref reader, $"tags[{index}].value");
                else reader.Skip();
            }
            if (string.IsNullOrEmpty(key)) throw new JsonException($"tags[{index}] has no \"key\": each entry must be {{\"key\": ..., \"value\": ...}}.");
            tags[key] = value;
            index++;
        }
        return tags;
    }

    private static string? ReadText(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"{what} must be text, found {reader.TokenType}."),
    };
}
