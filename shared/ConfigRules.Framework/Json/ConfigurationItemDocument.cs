using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Json;

/// <summary>
/// The wire form of a configuration item, covering both shapes: property names match case-insensitively, so
/// <c>ARN</c> and <c>arn</c> land in one property; <c>awsAccountId</c> (event shape) and <c>accountId</c>
/// (API shape) are separate and merged by <see cref="Model.ConfigurationItemMapper"/>.
/// </summary>
public sealed class ConfigurationItemDocument
{
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public string? ResourceName { get; set; }
    public string? Arn { get; set; }
    public string? AwsAccountId { get; set; }
    public string? AccountId { get; set; }
    public string? AwsRegion { get; set; }
    public string? ConfigurationItemStatus { get; set; }

    [JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? ConfigurationItemCaptureTime { get; set; }

    [JsonConverter(typeof(FlexibleTimestampConverter))]
    public DateTimeOffset? ResourceCreationTime { get; set; }

    /// <summary>An object in the event shape, a JSON string in the API shape, null for deleted items.</summary>
    public JsonElement Configuration { get; set; }

    /// <summary>Values are objects in the event shape and JSON strings in the API shape.</summary>
    public Dictionary<string, JsonElement>? SupplementaryConfiguration { get; set; }

    /// <summary>An object of key to value, or (select-resource-config) an array of key/value objects.</summary>
    [JsonConverter(typeof(TagsConverter))]
    public Dictionary<string, string?>? Tags { get; set; }

    public List<RelationshipDocument>? Relationships { get; set; }
}

public sealed class RelationshipDocument
{
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public string? ResourceName { get; set; }
    public string? RelationshipName { get; set; }

    /// <summary>The relationship's name as S3 deliveries and change notifications write it (the API's relationshipName).</summary>
    public string? Name { get; set; }
}
