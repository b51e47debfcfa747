using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Json;

/// <summary>
/// Reads a timestamp the way AWS Config writes it in either shape: an ISO-8601 string in invoking events and
/// S3 deliveries, epoch seconds (a number, often with a fraction) in API responses. Writes epoch seconds,
/// as the awsJson1_1 protocol wants.
/// </summary>
public sealed class FlexibleTimestampConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return ReadEpochSeconds(reader.GetDouble());
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                    return parsed;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    return ReadEpochSeconds(seconds);
                throw new JsonException($"'{text}' is not a timestamp: expected ISO-8601 text or epoch seconds.");
            default:
                throw new JsonException($"Expected a timestamp (ISO-8601 text or epoch seconds), found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteNumberValue(ToEpochSeconds(value.Value));
    }

    /// <summary>Epoch seconds from the wire; a value no timestamp can hold is a JSON error, not an overflow.</summary>
    private static DateTimeOffset ReadEpochSeconds(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < MinEpochSeconds || seconds > MaxEpochSeconds)
            throw new JsonException($"{seconds.ToString(CultureInfo.InvariantCulture)} is not a timestamp: epoch seconds must lie between years 1 and 9999.");
        return FromEpochSeconds(seconds);
    }

    private static readonly double MinEpochSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly double MaxEpochSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000d, MidpointRounding.AwayFromZero));

    /// <summary>Epoch seconds with millisecond precision, as the AWS SDKs send timestamps in awsJson.</summary>
    public static decimal ToEpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000m;
}
