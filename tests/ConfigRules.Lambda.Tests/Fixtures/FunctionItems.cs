using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// Items for the bootstrap's tests, built with the SDK test kit (<see cref="ConfigurationItemBuilder"/>): the items
/// change notifications carry, and the resources the loopback Config account records and serves in the API shape.
/// </summary>
public static class FunctionItems
{
    public const string ResourceType = "AWS::Lambda::Function";

    /// <summary>When the loopback account recorded its resources: distinct from the change items' capture time.</summary>
    public static readonly DateTimeOffset RecordedCaptureTime = new(2025, 5, 20, 7, 15, 0, TimeSpan.Zero);

    /// <summary>A zip function on <paramref name="runtime"/>.</summary>
    public static ConfigurationItemBuilder Function(string name, string runtime = "python3.13") =>
        ConfigurationItemBuilder.LambdaFunction(name).With("runtime", runtime);

    /// <summary>A function deployed as a container image: no runtime, no handler.</summary>
    public static ConfigurationItemBuilder ImageFunction(string name) => ConfigurationItemBuilder.LambdaContainerImageFunction(name);

    /// <summary>A JSON number kept exactly as written: <c>Number("128.0")</c> serializes as <c>128.0</c>, as AWS sends it.</summary>
    public static JsonNode Number(string literal) =>
        JsonNode.Parse(literal) is JsonValue value ? value : throw new ArgumentException($"'{literal}' is not a JSON number.", nameof(literal));

    /// <summary>The item's <c>configuration</c> object.</summary>
    public static JsonObject Configuration(ConfigurationItemBuilder item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ToJsonObject()["configuration"]?.DeepClone().AsObject()
            ?? throw new ArgumentException("A deleted item has no configuration to record.", nameof(item));
    }

    /// <summary>The item as the loopback account records it (captured at <see cref="RecordedCaptureTime"/>).</summary>
    public static FakeResource Recorded(ConfigurationItemBuilder item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = item.ToJsonObject();
        var resource = new FakeResource
        {
            ResourceType = json["resourceType"]!.GetValue<string>(),
            ResourceId = json["resourceId"]!.GetValue<string>(),
            ResourceName = json["resourceName"]?.GetValue<string>(),
            Arn = json["ARN"]?.GetValue<string>(),
            CaptureTime = RecordedCaptureTime,
            Configuration = Configuration(item),
        };
        foreach (var (key, value) in json["supplementaryConfiguration"]!.AsObject()) resource.SupplementaryConfiguration[key] = value!.DeepClone();
        return resource;
    }
}
