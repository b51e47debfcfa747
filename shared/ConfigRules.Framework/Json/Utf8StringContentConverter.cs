using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Json;

/// <summary>
/// Reads a JSON string's content as UTF-8 bytes, unescaped straight from the payload. <c>invokingEvent</c> is JSON
/// inside a string and can be a megabyte: read as a .NET string it would be decoded to UTF-16 and encoded back
/// to UTF-8 before it could be parsed, two needless copies (three times its size).
/// </summary>
public sealed class Utf8StringContentConverter : JsonConverter<byte[]?>
{
    public override bool HandleNull => true;

    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected a JSON string, found {reader.TokenType}.");
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return reader.ValueSpan.ToArray();

        // Unescaping only shortens the value, so its raw length bounds the buffer.
        var rawLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(rawLength);
        try
        {
            var written = reader.CopyString(buffer);
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override void Write(Utf8JsonWriter writer, byte[]? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
