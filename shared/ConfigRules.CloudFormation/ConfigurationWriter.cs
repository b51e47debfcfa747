using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Writes template property values into a configuration object in the Config item's shape, one field at a time,
/// noting fields whose value only deployment decides instead of writing a guess.
/// </summary>
internal sealed class ConfigurationWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, string> _unknowns = new(StringComparer.Ordinal);
    private readonly string _file;

    public ConfigurationWriter(string file)
    {
        _file = file;
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartObject();
    }

    public IReadOnlyDictionary<string, string> Unknowns => _unknowns;

    public void MarkUnknown(string field, string property, string reason) =>
        _unknowns[field] = $"{property} is not known before deployment: {reason}.";

    /// <summary>Writes a text field; true when the value is known.</summary>
    public bool String(string field, string property, TemplateValue? value, string? fallback = null)
    {
        switch (value)
        {
            case null when fallback is not null: _writer.WriteString(field, fallback); return true;
            case null: return false;
            case UnknownValue unknown: MarkUnknown(field, property, unknown.Reason); return false;
            case ScalarValue scalar: _writer.WriteString(field, scalar.Text); return true;
            default: throw new TemplateException(_file, value.Line, $"{property} must be a single value.");
        }
    }

    public void Integer(string field, string property, TemplateValue? value, long? fallback = null)
    {
        if (ReadInteger(property, value, field) is { } number) _writer.WriteNumber(field, number);
        else if (value is null && fallback is { } defaultValue) _writer.WriteNumber(field, defaultValue);
    }

    /// <summary>A whole number, or null when absent or unknown (unknown is noted under <paramref name="field"/>).</summary>
    public long? ReadInteger(string property, TemplateValue? value, string field)
    {
        switch (value)
        {
            case null: return null;
            case UnknownValue unknown: MarkUnknown(field, property, unknown.Reason); return null;
            case ScalarValue scalar when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return number;
            default: throw new TemplateException(_file, value.Line, $"{property} must be a whole number.");
        }
    }

    /// <summary>Writes a list of text (a single value counts as a one-item list); each entry wrapped by <paramref name="wrapField"/> when given; unknowns noted under <paramref name="unknownKey"/> (else the field).</summary>
    public void StringList(string field, string property, TemplateValue? value, IReadOnlyList<string>? fallback = null, string? wrapField = null, string? unknownKey = null)
    {
        IReadOnlyList<TemplateValue> items;
        switch (value)
        {
            case null when fallback is not null: items = [.. fallback.Select(f => new ScalarValue(f, false, 0))]; break;
            case null: return;
            case UnknownValue unknown: MarkUnknown(unknownKey ?? field, property, unknown.Reason); return;
            case ListValue list: items = list.Items; break;
            case ScalarValue scalar: items = [scalar]; break;
            default: throw new TemplateException(_file, value.Line, $"{property} must be a list of values.");
        }
        if (items.OfType<UnknownValue>().FirstOrDefault() is { } unknownItem)
        {
            MarkUnknown(unknownKey ?? field, property, unknownItem.Reason);
            return;
        }
        _writer.WriteStartArray(field);
        foreach (var item in items)
        {
            if (item is not ScalarValue scalar) throw new TemplateException(_file, item.Line, $"{property} entries must be single values.");
            if (wrapField is null) _writer.WriteStringValue(scalar.Text);
            else
            {
                _writer.WriteStartObject();
                _writer.WriteString(wrapField, scalar.Text);
                _writer.WriteEndObject();
            }
        }
        _writer.WriteEndArray();
    }

    public void StartObject(string field) => _writer.WriteStartObject(field);
    public void EndObject() => _writer.WriteEndObject();

    public JsonElement Finish()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        using var document = JsonDocument.Parse(_buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public void Dispose() => _writer.Dispose();
}
