using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

/// <summary>One version of a recorded resource in the fake Config account.</summary>
public sealed class FakeResource
{
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public string? ResourceName { get; init; }
    public string? Arn { get; init; }
    public string AccountId { get; init; } = "123456789012";
    public string AwsRegion { get; init; } = "us-east-1";

    /// <summary>OK, ResourceDiscovered, ResourceNotRecorded, ResourceDeleted or ResourceDeletedNotRecorded.</summary>
    public string Status { get; init; } = "OK";

    public DateTimeOffset CaptureTime { get; init; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    public DateTimeOffset? CreationTime { get; init; }

    /// <summary>The configuration as an object; the API shape sends it as JSON text.</summary>
    public JsonObject? Configuration { get; init; }

    /// <summary>Supplementary values; the API shape sends each as JSON text.</summary>
    public Dictionary<string, JsonNode> SupplementaryConfiguration { get; init; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    public bool IsDeleted => Status is "ResourceDeleted" or "ResourceDeletedNotRecorded";

    /// <summary>The item in the API shape (BatchGetResourceConfig's BaseConfigurationItem; history adds tags and relationships).</summary>
    public JsonObject ToApiShape(bool history)
    {
        var item = new JsonObject
        {
            ["version"] = "1.3",
            ["accountId"] = AccountId,
            ["configurationItemCaptureTime"] = JsonInput.Epoch(CaptureTime),
            ["configurationItemStatus"] = Status,
            ["configurationStateId"] = CaptureTime.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["arn"] = Arn,
            ["resourceType"] = ResourceType,
            ["resourceId"] = ResourceId,
            ["resourceName"] = ResourceName,
            ["awsRegion"] = AwsRegion,
            ["availabilityZone"] = "Not Applicable",
        };
        if (CreationTime is { } created) item["resourceCreationTime"] = JsonInput.Epoch(created);
        if (Configuration is not null) item["configuration"] = Configuration.ToJsonString();
        var supplementary = new JsonObject();
        foreach (var (key, value) in SupplementaryConfiguration) supplementary[key] = value.ToJsonString();
        item["supplementaryConfiguration"] = supplementary;
        if (history)
        {
            item["configurationItemMD5Hash"] = string.Empty;
            var tags = new JsonObject();
            foreach (var (key, value) in Tags) tags[key] = value;
            item["tags"] = tags;
            item["relatedEvents"] = new JsonArray();
            item["relationships"] = new JsonArray();
        }
        foreach (var name in item.Where(p => p.Value is null).Select(p => p.Key).ToList()) item.Remove(name);
        return item;
    }
}
