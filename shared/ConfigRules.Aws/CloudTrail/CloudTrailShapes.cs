using System.Text.Json.Serialization;

namespace ConfigRules.Aws.CloudTrail;

// CloudTrail's awsJson1_1 shapes, member names exactly as in the service model (requests are camelCase or
// PascalCase depending on the operation, answers PascalCase). Only the members this package sends or reads.

/// <summary>A trail as DescribeTrails lists it (shadow trails of other regions included).</summary>
public sealed class TrailDescription
{
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("TrailARN")] public string? TrailArn { get; init; }
    [JsonPropertyName("HomeRegion")] public string? HomeRegion { get; init; }
    [JsonPropertyName("IsMultiRegionTrail")] public bool? IsMultiRegionTrail { get; init; }
    [JsonPropertyName("LogFileValidationEnabled")] public bool? LogFileValidationEnabled { get; init; }
    [JsonPropertyName("HasCustomEventSelectors")] public bool? HasCustomEventSelectors { get; init; }
    [JsonPropertyName("HasInsightSelectors")] public bool? HasInsightSelectors { get; init; }
    [JsonPropertyName("IsOrganizationTrail")] public bool? IsOrganizationTrail { get; init; }
}

/// <summary>A basic event selector.</summary>
public sealed class EventSelector
{
    [JsonPropertyName("ReadWriteType")] public string? ReadWriteType { get; init; }
    [JsonPropertyName("IncludeManagementEvents")] public bool? IncludeManagementEvents { get; init; }
    [JsonPropertyName("DataResources")] public List<DataResource>? DataResources { get; init; }
}

/// <summary>The data events a basic selector records: a resource type and ARN prefixes (or <c>arn:aws:lambda</c> / <c>arn:aws:s3</c> for all).</summary>
public sealed class DataResource
{
    [JsonPropertyName("Type")] public string? Type { get; init; }
    [JsonPropertyName("Values")] public List<string>? Values { get; init; }
}

/// <summary>An advanced event selector: every field selector must hold for an event to be recorded.</summary>
public sealed class AdvancedEventSelector
{
    [JsonPropertyName("Name")] public string? Name { get; init; }
    [JsonPropertyName("FieldSelectors")] public List<AdvancedFieldSelector>? FieldSelectors { get; init; }
}

/// <summary>One condition of an advanced selector on a field such as <c>eventCategory</c> or <c>resources.type</c>.</summary>
public sealed class AdvancedFieldSelector
{
    [JsonPropertyName("Field")] public string? Field { get; init; }
    [JsonPropertyName("Equals")] public List<string>? EqualTo { get; init; }
    [JsonPropertyName("StartsWith")] public List<string>? StartsWith { get; init; }
    [JsonPropertyName("EndsWith")] public List<string>? EndsWith { get; init; }
    [JsonPropertyName("NotEquals")] public List<string>? NotEquals { get; init; }
    [JsonPropertyName("NotStartsWith")] public List<string>? NotStartsWith { get; init; }
    [JsonPropertyName("NotEndsWith")] public List<string>? NotEndsWith { get; init; }
}

/// <summary>A trail's event selectors: basic ones or advanced ones (a trail uses one kind or the other).</summary>
public sealed class TrailEventSelectors
{
    [JsonPropertyName("TrailARN")] public string? TrailArn { get; init; }
    [JsonPropertyName("EventSelectors")] public List<EventSelector>? EventSelectors { get; init; }
    [JsonPropertyName("AdvancedEventSelectors")] public List<AdvancedEventSelector>? AdvancedEventSelectors { get; init; }
}

internal sealed class DescribeTrailsInput
{
    [JsonPropertyName("includeShadowTrails")] public bool? IncludeShadowTrails { get; init; }
}

internal sealed class DescribeTrailsOutput
{
    [JsonPropertyName("trailList")] public List<TrailDescription>? TrailList { get; set; }
}

internal sealed class GetTrailStatusInput
{
    [JsonPropertyName("Name")] public required string Name { get; init; }
}

internal sealed class GetTrailStatusOutput
{
    [JsonPropertyName("IsLogging")] public bool? IsLogging { get; set; }
}

internal sealed class TrailNameInput
{
    [JsonPropertyName("TrailName")] public required string TrailName { get; init; }
}

internal sealed class GetInsightSelectorsOutput
{
    [JsonPropertyName("InsightSelectors")] public List<InsightSelectorShape>? InsightSelectors { get; set; }
}

internal sealed class InsightSelectorShape
{
    [JsonPropertyName("InsightType")] public string? InsightType { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeTrailsInput))]
[JsonSerializable(typeof(DescribeTrailsOutput))]
[JsonSerializable(typeof(GetTrailStatusInput))]
[JsonSerializable(typeof(GetTrailStatusOutput))]
[JsonSerializable(typeof(TrailNameInput))]
[JsonSerializable(typeof(TrailEventSelectors))]
[JsonSerializable(typeof(GetInsightSelectorsOutput))]
internal sealed partial class CloudTrailJsonContext : JsonSerializerContext;
