using System.Runtime.InteropServices;
using System.Text.Json;
using ConfigRules.Framework.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Input;

/// <summary>
/// Parses one item's UTF-8 JSON once, into the <see cref="JsonDocument"/> the rules read: the item's
/// <c>configuration</c> and supplementary values are elements of that one document, not copies, and the top-level
/// fields are read from it into the <see cref="ConfigurationItemDocument"/> that
/// <see cref="ConfigurationItemMapper.FromDocument"/> validates and maps, so both readers agree on every shape.
/// </summary>
/// <remarks>
/// <see cref="ConfigurationItemMapper.Parse(ReadOnlySpan{byte}, SourceLocation?)"/> deserializes the item and then copies
/// and tokenizes its configuration a second time into a document of its own; this reads every byte once. The document
/// rents its index from the shared pool: <see cref="ParsedItem.Dispose"/> returns it once the rules are done with
/// the item, and the item's JSON must stay unchanged until then (the document reads it in place).
/// </remarks>
public static class ConfigurationItemParser
{
    private static readonly FlexibleTimestampConverter Timestamps = new();
    private static readonly TagsConverter TagsReader = new();
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static ParsedItem Parse(ReadOnlyMemory<byte> utf8Json, SourceLocation? source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidConfigurationItemException($"The configuration item is not valid JSON: {ex.Message}", ex);
        }
        try
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null) throw new InvalidConfigurationItemException("The configuration item is null.");
            if (root.ValueKind != JsonValueKind.Object)
                throw new InvalidConfigurationItemException($"The configuration item is {Describe(root.ValueKind)}; expected an object.");
            return new ParsedItem(ConfigurationItemMapper.FromDocument(Read(root), source), document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static ConfigurationItemDocument Read(JsonElement root)
    {
        var document = new ConfigurationItemDocument();
        var repeated = RepeatedValues.Current;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            // The wire names, matched case-insensitively as the framework's serializer does; the last one wins.
            // Compared by length first: each of the item's twenty-odd names meets one or two candidates, not fourteen.
            var name = new PropertyName(property);
            switch (name.Length)
            {
                case 3 when name.Is("arn"u8): document.Arn = String(value, "arn"); break;
                case 4 when name.Is("tags"u8): document.Tags = Tags(value); break;
                case 9 when name.Is("accountId"u8): document.AccountId = repeated.AccountId.Read(value, "accountId"); break;
                case 9 when name.Is("awsRegion"u8): document.AwsRegion = repeated.Region.Read(value, "awsRegion"); break;
                case 10 when name.Is("resourceId"u8): document.ResourceId = String(value, "resourceId"); break;
                case 12 when name.Is("resourceType"u8): document.ResourceType = repeated.ResourceType.Read(value, "resourceType"); break;
                case 12 when name.Is("resourceName"u8): document.ResourceName = String(value, "resourceName"); break;
                case 12 when name.Is("awsAccountId"u8): document.AwsAccountId = repeated.AccountId.Read(value, "awsAccountId"); break;
                case 13 when name.Is("configuration"u8): document.Configuration = value; break;
                case 13 when name.Is("relationships"u8): document.Relationships = Relationships(value); break;
                case 20 when name.Is("resourceCreationTime"u8): document.ResourceCreationTime = Timestamp(value, "resourceCreationTime"); break;
                case 23 when name.Is("configurationItemStatus"u8): document.ConfigurationItemStatus = repeated.Status.Read(value, "configurationItemStatus"); break;
                case 26 when name.Is("supplementaryConfiguration"u8): document.SupplementaryConfiguration = Supplementary(value); break;
                case 28 when name.Is("configurationItemCaptureTime"u8): document.ConfigurationItemCaptureTime = Timestamp(value, "configurationItemCaptureTime"); break;
            }
        }
        return document;
    }

    internal static string? String(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => throw new InvalidConfigurationItemException($"The configuration item's {name} is {Describe(value.ValueKind)}; expected a string."),
    };

    private static DateTimeOffset? Timestamp(JsonElement value, string name)
    {
        // Config writes UTC ISO-8601 ("2026-10-01T08:00:00.000Z"): the JSON reader's own parser reads it without the
        // culture-aware parse the converter needs for everything else it accepts.
        if (value.ValueKind == JsonValueKind.String && JsonMarshal.GetRawUtf8Value(value) is [.., (byte)'Z', (byte)'"'] &&
            value.TryGetDateTimeOffset(out var utc) && utc.Offset == TimeSpan.Zero)
            return utc;
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value));
        reader.Read();
        try
        {
            return Timestamps.Read(ref reader, typeof(DateTimeOffset?), FrameworkJsonContext.Default.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidConfigurationItemException($"The configuration item's {name} is not a timestamp: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, string?>? Tags(JsonElement value)
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value));
        reader.Read();
        try
        {
            return TagsReader.Read(ref reader, typeof(Dictionary<string, string?>), FrameworkJsonContext.Default.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidConfigurationItemException($"The configuration item's tags cannot be read: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, JsonElement>? Supplementary(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidConfigurationItemException($"The configuration item's supplementaryConfiguration is {Describe(value.ValueKind)}; expected an object.");
        Dictionary<string, JsonElement>? result = null; // most items have none: "supplementaryConfiguration": {}
        foreach (var entry in value.EnumerateObject()) (result ??= new(StringComparer.Ordinal))[entry.Name] = entry.Value;
        return result;
    }

    private static List<RelationshipDocument>? Relationships(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw new InvalidConfigurationItemException($"The configuration item's relationships is {Describe(value.ValueKind)}; expected an array.");
        var result = new List<RelationshipDocument>(value.GetArrayLength());
        foreach (var entry in value.EnumerateArray())
        {
            // A null entry is kept: the mapper refuses it with the message it gives for every reader.
            if (entry.ValueKind == JsonValueKind.Null) { result.Add(null!); continue; }
            if (entry.ValueKind != JsonValueKind.Object)
                throw new InvalidConfigurationItemException($"The configuration item's relationships hold {Describe(entry.ValueKind)}; each is an object with resourceType, resourceId and relationshipName.");
            var relationship = new RelationshipDocument();
            foreach (var property in entry.EnumerateObject())
            {
                var name = new PropertyName(property);
                if (name.Is("resourceType"u8)) relationship.ResourceType = String(property.Value, "relationships[].resourceType");
                else if (name.Is("resourceId"u8)) relationship.ResourceId = String(property.Value, "relationships[].resourceId");
                else if (name.Is("resourceName"u8)) relationship.ResourceName = String(property.Value, "relationships[].resourceName");
                else if (name.Is("relationshipName"u8)) relationship.RelationshipName = String(property.Value, "relationships[].relationshipName");
            }
            result.Add(relationship);
        }
        return result;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

/// <summary>A property's name compared without a string: the raw UTF-8 bytes, or the decoded name when escaped.</summary>
internal readonly ref struct PropertyName
{
    private readonly ReadOnlySpan<byte> _name;

    public PropertyName(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        _name = raw.IndexOf((byte)'\\') >= 0 ? System.Text.Encoding.UTF8.GetBytes(property.Name) : raw;
    }

    /// <summary>The name's length in UTF-8 bytes, decoded: what a candidate must have to match.</summary>
    public int Length => _name.Length;

    public bool Is(ReadOnlySpan<byte> name) => System.Text.Ascii.EqualsIgnoreCase(_name, name);
}

/// <summary>
/// The top-level values that repeat from item to item (type, account, region, status): the last one read on this
/// thread is kept with its bytes, so an item like the one before it allocates none of them again.
/// </summary>
internal sealed class RepeatedValues
{
    [ThreadStatic] private static RepeatedValues? _current;

    public static RepeatedValues Current => _current ??= new RepeatedValues();

    public RepeatedString ResourceType { get; } = new();
    public RepeatedString AccountId { get; } = new();
    public RepeatedString Region { get; } = new();
    public RepeatedString Status { get; } = new();
}

/// <summary>One field's last value and its raw bytes (unescaped values only; an escaped one is decoded each time).</summary>
internal sealed class RepeatedString
{
    private byte[] _raw = [];
    private string? _value;

    public string? Read(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.String) return ConfigurationItemParser.String(value, name);
        var raw = JsonMarshal.GetRawUtf8Value(value); // with its quotes
        if (_value is not null && raw.SequenceEqual(_raw)) return _value;
        var decoded = value.GetString();
        if (raw.IndexOf((byte)'\\') < 0 && raw.Length <= 256) (_raw, _value) = (raw.ToArray(), decoded);
        return decoded;
    }
}

/// <summary>An item and the document its JSON values live in; dispose once no rule reads the item any more.</summary>
public readonly record struct ParsedItem(ConfigurationItem Item, JsonDocument Document) : IDisposable
{
    public void Dispose() => Document.Dispose();
}
