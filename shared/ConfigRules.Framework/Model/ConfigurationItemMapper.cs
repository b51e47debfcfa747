using System.Text.Json;
using ConfigRules.Framework.Json;

namespace ConfigRules.Framework.Model;

/// <summary>Maps either wire shape of a configuration item onto the one model rules see.</summary>
public static class ConfigurationItemMapper
{
    /// <summary>The longest ComplianceResourceType PutEvaluations accepts.</summary>
    public const int MaxResourceTypeLength = 256;

    /// <summary>The longest ComplianceResourceId PutEvaluations accepts.</summary>
    public const int MaxResourceIdLength = 768;

    /// <summary>Parses one item in either shape from UTF-8 JSON.</summary>
    public static ConfigurationItem Parse(ReadOnlySpan<byte> utf8Json, SourceLocation? source = null)
    {
        ConfigurationItemDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, FrameworkJsonContext.Default.ConfigurationItemDocument);
        }
        catch (JsonException ex)
        {
            throw new InvalidConfigurationItemException($"The configuration item is not valid JSON: {ex.Message}", ex);
        }
        return FromDocument(document ?? throw new InvalidConfigurationItemException("The configuration item is null."), source);
    }

    public static ConfigurationItem Parse(string json, SourceLocation? source = null) =>
        Parse(System.Text.Encoding.UTF8.GetBytes(json), source);

    public static ConfigurationItem FromDocument(ConfigurationItemDocument document, SourceLocation? source = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var missing = new List<string>(2);
        if (string.IsNullOrWhiteSpace(document.ResourceType)) missing.Add("resourceType");
        if (string.IsNullOrWhiteSpace(document.ResourceId)) missing.Add("resourceId");
        if (missing.Count > 0)
            throw new InvalidConfigurationItemException(
                $"The configuration item has no {string.Join(" and no ", missing)}: both are required in either shape.");
        // PutEvaluations refuses longer ones: refuse the item now, clearly, rather than fail every retry of the invocation.
        if (document.ResourceType!.Length > MaxResourceTypeLength)
            throw new InvalidConfigurationItemException(
                $"The configuration item's resourceType is {document.ResourceType.Length} characters long; AWS Config accepts at most {MaxResourceTypeLength}.");
        if (document.ResourceId!.Length > MaxResourceIdLength)
            throw new InvalidConfigurationItemException(
                $"The configuration item's resourceId is {document.ResourceId.Length} characters long; AWS Config accepts at most {MaxResourceIdLength}.");

        return new ConfigurationItem
        {
            ResourceType = document.ResourceType!,
            ResourceId = document.ResourceId!,
            ResourceName = document.ResourceName,
            Arn = document.Arn,
            AwsAccountId = document.AwsAccountId ?? document.AccountId,
            AwsRegion = document.AwsRegion,
            Status = string.IsNullOrEmpty(document.ConfigurationItemStatus) ? ConfigurationItemStatus.Ok : document.ConfigurationItemStatus,
            CaptureTime = document.ConfigurationItemCaptureTime,
            ResourceCreationTime = document.ResourceCreationTime,
            Configuration = ReadEmbedded(document.Configuration, "configuration", null),
            SupplementaryConfiguration = MapSupplementary(document.SupplementaryConfiguration),
            Tags = MapTags(document.Tags),
            Relationships = MapRelationships(document.Relationships),
            Source = source,
        };
    }

    /// <summary>
    /// The API shape carries <c>configuration</c> and supplementary values as JSON text; the event shape as
    /// JSON. Text that is not JSON (a plain supplementary string) stays a string.
    /// </summary>
    /// <param name="what">The field, for the error (with <paramref name="key"/>: a member of it), spelled only when there is one.</param>
    private static JsonElement ReadEmbedded(JsonElement value, string what, string? key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined:
            case JsonValueKind.Null:
                return default;
            case JsonValueKind.String:
                var text = value.GetString();
                if (string.IsNullOrWhiteSpace(text) || text == "null") return default;
                var trimmed = text.AsSpan().TrimStart();
                if (trimmed.Length > 0 && (trimmed[0] == '{' || trimmed[0] == '['))
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(text);
                        return doc.RootElement.Clone();
                    }
                    catch (JsonException ex)
                    {
                        throw new InvalidConfigurationItemException(
                            $"The item's {(key is null ? what : $"{what}.{key}")} is a string that is not valid JSON: {ex.Message}", ex);
                    }
                }
                return value;
            default:
                return value;
        }
    }

    // Items without supplementary values, tags or relationships (most of a snapshot's) share these empty ones.
    private static IReadOnlyDictionary<string, JsonElement> MapSupplementary(Dictionary<string, JsonElement>? source)
    {
        if (source is not { Count: > 0 }) return ConfigurationItem.NoSupplementaryConfiguration;
        var result = new Dictionary<string, JsonElement>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            var parsed = ReadEmbedded(value, "supplementaryConfiguration", key);
            if (parsed.ValueKind != JsonValueKind.Undefined) result[key] = parsed;
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> MapTags(Dictionary<string, string?>? source)
    {
        if (source is not { Count: > 0 }) return ConfigurationItem.NoTags;
        var result = new Dictionary<string, string>(source.Count, StringComparer.Ordinal);
        foreach (var (key, value) in source) result[key] = value ?? string.Empty;
        return result;
    }

    private static Relationship[] MapRelationships(List<RelationshipDocument>? source)
    {
        if (source is not { Count: > 0 }) return [];
        var result = new Relationship[source.Count];
        for (var i = 0; i < source.Count; i++)
        {
            var r = source[i] ?? throw new InvalidConfigurationItemException(
                "The configuration item's relationships hold a null entry: each is an object with resourceType, resourceId and relationshipName.");
            result[i] = new Relationship(r.ResourceType, r.ResourceId, r.ResourceName, (r.RelationshipName ?? r.Name)?.Trim());
        }
        return result;
    }
}

/// <summary>A configuration item that cannot be read; the message says which field and what was expected.</summary>
public sealed class InvalidConfigurationItemException(string message, Exception? inner = null)
    : Exception(message, inner);
