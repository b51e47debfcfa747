using System.Globalization;
using System.Text.Json;

namespace ConfigRules.Framework.Model;

/// <summary>
/// Reads typed values out of configuration JSON, tolerating what AWS actually sends: numbers as doubles
/// (<c>128.0</c> from select-resource-config), numbers as strings, and missing or null fields.
/// </summary>
public static class JsonValues
{
    /// <summary>
    /// The property when <paramref name="element"/> is an object that has it with a value other than null: unlike
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>, it neither throws on a non-object nor
    /// reports an explicit null as present.
    /// </summary>
    public static bool TryGetNonNullProperty(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) &&
            value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            return true;
        value = default;
        return false;
    }

    /// <summary>Follows a dotted path (<c>a.b.c</c>) through nested objects.</summary>
    public static bool TryGetPath(this JsonElement element, string path, out JsonElement value)
    {
        value = element;
        foreach (var segment in path.Split('.'))
        {
            if (!TryGetNonNullProperty(value, segment, out value)) return false;
        }
        return true;
    }

    public static string? GetStringOrNull(this JsonElement element, string name) =>
        TryGetNonNullProperty(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integral number, from an integer, an integral double (<c>128.0</c>) or numeric text.</summary>
    public static bool TryGetInt64(this JsonElement element, string name, out long result)
    {
        result = 0;
        return TryGetNonNullProperty(element, name, out var value) && TryReadInt64(value, out result);
    }

    public static bool TryReadInt64(JsonElement value, out long result)
    {
        result = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetInt64(out result)) return true;
                if (value.TryGetDouble(out var d) && IsIntegral(d)) { result = (long)d; return true; }
                return false;
            case JsonValueKind.String:
                var text = value.GetString();
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out result)) return true;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && IsIntegral(parsed))
                { result = (long)parsed; return true; }
                return false;
            default:
                return false;
        }
    }

    public static bool TryGetBoolean(this JsonElement element, string name, out bool result)
    {
        result = false;
        if (!TryGetNonNullProperty(element, name, out var value)) return false;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: result = true; return true;
            case JsonValueKind.False: result = false; return true;
            case JsonValueKind.String: return bool.TryParse(value.GetString(), out result);
            default: return false;
        }
    }

    /// <summary>The string items of an array property; empty when absent.</summary>
    public static IReadOnlyList<string> GetStringArray(this JsonElement element, string name)
    {
        if (!TryGetNonNullProperty(element, name, out var value) || value.ValueKind != JsonValueKind.Array) return [];
        var result = new List<string>(value.GetArrayLength());
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String && entry.GetString() is { } text) result.Add(text);
        }
        return result;
    }

    private static bool IsIntegral(double value) =>
        !double.IsNaN(value) && !double.IsInfinity(value) && Math.Floor(value) == value &&
        value >= long.MinValue && value <= long.MaxValue;
}
