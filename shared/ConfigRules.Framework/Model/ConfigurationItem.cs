using System.Text.Json;

namespace ConfigRules.Framework.Model;

/// <summary>
/// One recorded resource, whichever shape it arrived in (the invoking-event shape or the API shape).
/// <see cref="Configuration"/> is always a JSON object (or <see cref="JsonValueKind.Undefined"/> when the item
/// has none, as deleted items do); supplementary values are parsed JSON where the API sent them as strings.
/// </summary>
public sealed record ConfigurationItem
{
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public string? ResourceName { get; init; }
    public string? Arn { get; init; }
    public string? AwsAccountId { get; init; }
    public string? AwsRegion { get; init; }

    /// <summary><c>OK</c>, <c>ResourceDiscovered</c>, <c>ResourceNotRecorded</c>, <c>ResourceDeleted</c>, <c>ResourceDeletedNotRecorded</c>.</summary>
    public string Status { get; init; } = ConfigurationItemStatus.Ok;

    public DateTimeOffset? CaptureTime { get; init; }
    public DateTimeOffset? ResourceCreationTime { get; init; }

    public JsonElement Configuration { get; init; }

    public IReadOnlyDictionary<string, JsonElement> SupplementaryConfiguration { get; init; } = NoSupplementaryConfiguration;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoTags;

    /// <summary>The empty values, shared (read-only): most items have no supplementary values, many no tags.</summary>
    public static IReadOnlyDictionary<string, JsonElement> NoSupplementaryConfiguration { get; } =
        System.Collections.ObjectModel.ReadOnlyDictionary<string, JsonElement>.Empty;

    public static IReadOnlyDictionary<string, string> NoTags { get; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    public IReadOnlyList<Relationship> Relationships { get; init; } = [];

    /// <summary>Where the item came from (a file and line in the CLI); null for items from AWS.</summary>
    public SourceLocation? Source { get; init; }

    public bool HasConfiguration => Configuration.ValueKind == JsonValueKind.Object;

    /// <summary>True when Config no longer has the resource or does not record it.</summary>
    public bool IsDeletedOrNotRecorded => ConfigurationItemStatus.IsDeletedOrNotRecorded(Status);
}

public sealed record Relationship(string? ResourceType, string? ResourceId, string? ResourceName, string? RelationshipName);

public sealed record SourceLocation(string File, int? Line);

public static class ConfigurationItemStatus
{
    public const string Ok = "OK";
    public const string ResourceDiscovered = "ResourceDiscovered";
    public const string ResourceNotRecorded = "ResourceNotRecorded";
    public const string ResourceDeleted = "ResourceDeleted";
    public const string ResourceDeletedNotRecorded = "ResourceDeletedNotRecorded";

    public static bool IsDeletedOrNotRecorded(string status) =>
        status is ResourceDeleted or ResourceDeletedNotRecorded or ResourceNotRecorded;
}
