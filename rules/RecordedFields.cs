using System.Text.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.Rules;

/// <summary>
/// Reads fields of recorded items whose spelling varies with the source: Config records some types in the service
/// API's camelCase (<c>alarmName</c>), others in CloudFormation's PascalCase (<c>AlarmName</c>), and a template maps
/// to either. Exact spelling first, then any casing, then the listed alternatives.
/// </summary>
public static class RecordedFields
{
    public static bool TryGet(JsonElement element, out JsonElement value, params string[] names)
    {
        foreach (var name in names)
        {
            if (JsonValues.TryGetNonNullProperty(element, name, out value)) return true;
        }
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
                if (names.Any(name => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }

    public static string? String(JsonElement element, params string[] names) =>
        TryGet(element, out var value, names) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A boolean, also from "true"/"false" text (templates and some recorders write text).</summary>
    public static bool? Boolean(JsonElement element, params string[] names)
    {
        if (!TryGet(element, out var value, names)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        };
    }

    public static double? Number(JsonElement element, params string[] names)
    {
        if (!TryGet(element, out var value, names)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>The elements of an array field; empty when absent or not an array.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, params string[] names) =>
        TryGet(element, out var value, names) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    /// <summary>The strings of an array field (other entries skipped).</summary>
    public static IReadOnlyList<string> Strings(JsonElement element, params string[] names) =>
        [.. Array(element, names).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
}
