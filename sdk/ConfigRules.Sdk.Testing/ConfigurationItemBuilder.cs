using System.Globalization;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// Builds a configuration item the way AWS writes it, in either <see cref="ItemShape"/>, and reads it back through
/// the framework's own mapper: a rule is tested on exactly what it receives in Lambda and in the CLI. The typed
/// starting points (<see cref="LambdaFunction"/>, <see cref="RestApi"/>, ...) are in ConfigurationItemBuilder.Resources.cs.
/// </summary>
public sealed partial class ConfigurationItemBuilder
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "us-east-1";
    public static readonly DateTimeOffset DefaultCaptureTime = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    // Config writes this for the resource types the kit starts from (regional resources without a zone).
    private const string AvailabilityZone = "Not Applicable";

    private readonly string _resourceType;
    private string _resourceId;
    private readonly JsonObject _configuration;
    private readonly JsonObject _supplementary = [];
    private readonly JsonObject _tags = [];
    private readonly List<Relationship> _relationships = [];
    private string? _resourceName;
    private string? _arn;
    private string _status = ConfigurationItemStatus.Ok;
    private string _accountId = DefaultAccountId;
    private string _region = DefaultRegion;
    private DateTimeOffset _captureTime = DefaultCaptureTime;
    private DateTimeOffset? _creationTime;

    // A typed starting point derives its ARNs from the account and region; InAccount derives them again.
    private Action<ConfigurationItemBuilder>? _placeInAccount;

    private ConfigurationItemBuilder(string resourceType, string resourceId, JsonObject configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceId);
        _resourceType = resourceType;
        _resourceId = resourceId;
        _configuration = configuration;
    }

    /// <summary>An item of any type, with the configuration given (an empty object when none is).</summary>
    public static ConfigurationItemBuilder Of(string resourceType, string resourceId, JsonObject? configuration = null) =>
        new(resourceType, resourceId, configuration ?? []);

    /// <summary>Sets a configuration property; a dotted path creates the objects on the way.</summary>
    public ConfigurationItemBuilder With(string path, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var segments = path.Split('.');
        var target = _configuration;
        foreach (var segment in segments[..^1])
        {
            if (target[segment] is not JsonObject next)
            {
                next = [];
                target[segment] = next;
            }
            target = next;
        }
        target[segments[^1]] = value;
        return this;
    }

    /// <summary>Removes a top-level configuration property.</summary>
    public ConfigurationItemBuilder Without(string property)
    {
        _configuration.Remove(property);
        return this;
    }

    public ConfigurationItemBuilder WithTag(string key, string value)
    {
        _tags[key] = value;
        return this;
    }

    /// <summary>A <c>supplementaryConfiguration</c> entry (an object in the event shape, a JSON string in the API shape).</summary>
    public ConfigurationItemBuilder WithSupplementary(string key, JsonNode value)
    {
        _supplementary[key] = value;
        return this;
    }

    /// <summary>The item's <c>resourceName</c>; null writes none, as Config does for resources without a name.</summary>
    public ConfigurationItemBuilder WithResourceName(string? resourceName)
    {
        _resourceName = resourceName;
        return this;
    }

    /// <summary>The item's ARN (the typed starting points set it; <see cref="Of"/> leaves it out).</summary>
    public ConfigurationItemBuilder WithArn(string? arn)
    {
        _arn = arn;
        return this;
    }

    /// <summary>A related resource, as Config records it (for a function, say, its execution role: "Is associated with ").</summary>
    public ConfigurationItemBuilder WithRelationship(string resourceType, string resourceId, string? resourceName, string relationshipName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(relationshipName);
        _relationships.Add(new Relationship(resourceType, resourceId, resourceName, relationshipName));
        return this;
    }

    /// <summary>The <c>configurationItemStatus</c>; deleted items are written without a configuration, as Config does.</summary>
    public ConfigurationItemBuilder WithStatus(string status)
    {
        _status = status;
        return this;
    }

    public ConfigurationItemBuilder CapturedAt(DateTimeOffset captureTime)
    {
        _captureTime = captureTime;
        return this;
    }

    /// <summary>The <c>resourceCreationTime</c> (none is written until one is set).</summary>
    public ConfigurationItemBuilder CreatedAt(DateTimeOffset creationTime)
    {
        _creationTime = creationTime;
        return this;
    }

    /// <summary>The account and region the item is recorded in; the ARNs a typed starting point derived follow them.</summary>
    public ConfigurationItemBuilder InAccount(string accountId, string? region = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        _accountId = accountId;
        _region = region ?? _region;
        _placeInAccount?.Invoke(this);
        return this;
    }

    /// <summary>The item as a JSON object in the given shape.</summary>
    public JsonObject ToJsonObject(ItemShape shape = ItemShape.InvokingEvent)
    {
        var deleted = ConfigurationItemStatus.IsDeletedOrNotRecorded(_status);
        var item = new JsonObject
        {
            ["resourceType"] = _resourceType,
            ["resourceId"] = _resourceId,
            ["resourceName"] = _resourceName,
            ["awsRegion"] = _region,
            ["availabilityZone"] = AvailabilityZone,
            ["configurationItemStatus"] = _status,
            ["configurationStateId"] = _captureTime.ToUnixTimeMilliseconds(),
            ["tags"] = _tags.DeepClone(),
            ["relationships"] = Relationships(shape),
        };
        if (shape == ItemShape.InvokingEvent)
        {
            item["ARN"] = _arn;
            item["awsAccountId"] = _accountId;
            item["configurationItemVersion"] = "1.3";
            item["configurationItemCaptureTime"] = Iso(_captureTime);
            if (_creationTime is { } created) item["resourceCreationTime"] = Iso(created);
            item["relatedEvents"] = new JsonArray();
            item["configurationStateMd5Hash"] = "";
            item["configuration"] = deleted ? null : _configuration.DeepClone();
            item["supplementaryConfiguration"] = _supplementary.DeepClone();
        }
        else
        {
            item["arn"] = _arn;
            item["accountId"] = _accountId;
            item["version"] = "1.3";
            item["configurationItemCaptureTime"] = EpochSeconds(_captureTime);
            if (_creationTime is { } created) item["resourceCreationTime"] = EpochSeconds(created);
            item["configuration"] = deleted ? null : _configuration.ToJsonString();
            var supplementary = new JsonObject();
            foreach (var (key, value) in _supplementary) supplementary[key] = value?.ToJsonString();
            item["supplementaryConfiguration"] = supplementary;
        }
        return item;
    }

    public string ToJson(ItemShape shape = ItemShape.InvokingEvent) => ToJsonObject(shape).ToJsonString();

    /// <summary>The item as rules see it, read through the framework's mapper from the given shape.</summary>
    public ConfigurationItem Build(ItemShape shape = ItemShape.InvokingEvent) => ConfigurationItemMapper.Parse(ToJson(shape));

    // Change notifications and S3 deliveries call the relationship's name "name"; the API calls it "relationshipName".
    private JsonArray Relationships(ItemShape shape) =>
    [
        .. _relationships.Select(relationship => (JsonNode?)new JsonObject
        {
            ["resourceType"] = relationship.ResourceType,
            ["resourceId"] = relationship.ResourceId,
            ["resourceName"] = relationship.ResourceName,
            [shape == ItemShape.InvokingEvent ? "name" : "relationshipName"] = relationship.RelationshipName,
        }),
    ];

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static double EpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000.0;
}
