using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ConfigRules.Framework.Model;

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

    /// <summary>Writes true or false ("true" and "false" as text too: a change set sends every boolean as a string).</summary>
    public void Boolean(string field, string property, TemplateValue? value, bool? fallback = null)
    {
        switch (value)
        {
            case null when fallback is { } defaultValue: _writer.WriteBoolean(field, defaultValue); break;
            case null: break;
            case UnknownValue unknown: MarkUnknown(field, property, unknown.Reason); break;
            case ScalarValue scalar when bool.TryParse(scalar.Text, out var flag): _writer.WriteBoolean(field, flag); break;
            default: throw new TemplateException(_file, value.Line, $"{property} must be true or false.");
        }
    }

    /// <summary>
    /// Writes a value whose presence is what a rule judges (an access log destination, an alarm action): its text, or
    /// for a value made of the template's own resources its <c>${...}</c> spelling. Unknown otherwise.
    /// </summary>
    public bool Reference(string field, string property, TemplateValue? value)
    {
        switch (value)
        {
            case UnknownValue { Symbol: { } symbol }: _writer.WriteString(field, symbol); return true;
            default: return String(field, property, value);
        }
    }

    /// <summary>
    /// Copies a property as it is, member names in Config's camelCase (<c>EventSelectors</c> becomes
    /// <c>eventSelectors</c>); values are text, <paramref name="render"/> spells a value only deployment decides (null:
    /// the whole field is unknown, noted under <paramref name="field"/>).
    /// </summary>
    public void Tree(string field, string property, TemplateValue? value, Func<UnknownValue, string?>? render = null)
    {
        if (value is null) return;
        var unknown = FirstUnrenderable(value, render ?? (u => u.Symbol));
        if (unknown is not null)
        {
            MarkUnknown(field, property, unknown.Reason);
            return;
        }
        _writer.WritePropertyName(field);
        WriteTree(value, render ?? (u => u.Symbol));
    }

    private static UnknownValue? FirstUnrenderable(TemplateValue value, Func<UnknownValue, string?> render) => value switch
    {
        UnknownValue unknown => render(unknown) is null ? unknown : null,
        ListValue list => list.Items.Select(item => FirstUnrenderable(item, render)).FirstOrDefault(u => u is not null),
        MapValue map => map.Entries.Select(entry => FirstUnrenderable(entry.Value, render)).FirstOrDefault(u => u is not null),
        _ => null,
    };

    private void WriteTree(TemplateValue value, Func<UnknownValue, string?> render)
    {
        switch (value)
        {
            case ScalarValue scalar: _writer.WriteStringValue(scalar.Text); break;
            case UnknownValue unknown: _writer.WriteStringValue(render(unknown)); break;
            case ListValue list:
                _writer.WriteStartArray();
                foreach (var item in list.Items) WriteTree(item, render);
                _writer.WriteEndArray();
                break;
            case MapValue map:
                _writer.WriteStartObject();
                foreach (var (key, child) in map.Entries)
                {
                    _writer.WritePropertyName(CamelCase(key));
                    WriteTree(child, render);
                }
                _writer.WriteEndObject();
                break;
        }
    }

    /// <summary><c>EventSelectors</c> to <c>eventSelectors</c>; names already camelCase stay as they are.</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));

    /// <summary>Writes a JSON value the caller built (a policy document, method settings).</summary>
    public void Raw(string field, System.Text.Json.JsonElement value)
    {
        _writer.WritePropertyName(field);
        value.WriteTo(_writer);
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

    /// <summary>
    /// Finishes the configuration as the item Config would record for the resource: named by the template's name
    /// property when it gives one as text, else by the logical id; with the fields noted as unknown.
    /// </summary>
    public TemplateItem FinishItem(string resourceType, string logicalId, TemplateValue? name, int line) =>
        new(new ConfigurationItem
        {
            ResourceType = resourceType,
            ResourceId = logicalId,
            ResourceName = (name as ScalarValue)?.Text ?? logicalId,
            Configuration = Finish(),
            Source = new SourceLocation(_file, line),
        }, Unknowns);

    public void Dispose() => _writer.Dispose();
}
