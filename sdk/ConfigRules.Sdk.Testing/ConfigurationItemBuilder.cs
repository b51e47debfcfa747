using System.Globalization;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// Builds a configuration item the way AWS writes it, in either <see cref="ItemShape"/>, and reads it back through
/// the framework's own mapper: a rule is tested on exactly what it receives in Lambda and in the CLI.
/// </summary>
public sealed class ConfigurationItemBuilder
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRegion = "us-east-1";
    public static readonly DateTimeOffset DefaultCaptureTime = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    private readonly string _resourceType;
    private readonly string _resourceId;
    private readonly JsonObject _configuration;
    private readonly JsonObject _supplementary = [];
    private readonly JsonObject _tags = [];
    private string? _resourceName;
    private string? _arn;
    private string _status = ConfigurationItemStatus.Ok;
    private string _accountId = DefaultAccountId;
    private string _region = DefaultRegion;
    private DateTimeOffset _captureTime = DefaultCaptureTime;

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

    /// <summary>A zip-packaged <c>AWS::Lambda::Function</c> with typical values; tests change what they judge.</summary>
    public static ConfigurationItemBuilder LambdaFunction(string name = "orders-api")
    {
        var builder = new ConfigurationItemBuilder("AWS::Lambda::Function", name, []) { _resourceName = name };
        var arn = builder.LambdaArn(name);
        builder._arn = arn;
        return builder
            .With("functionName", name)
            .With("functionArn", arn)
            .With("runtime", "python3.13")
            .With("role", $"arn:aws:iam::{builder._accountId}:role/{name}-role")
            .With("handler", "app.handler")
            .With("codeSize", 2048)
            .With("timeout", 30)
            .With("memorySize", 256)
            .With("packageType", "Zip")
            .With("version", "$LATEST");
    }

    /// <summary>An <c>AWS::ApiGateway::RestApi</c> with the endpoint types given (none: the key is absent).</summary>
    public static ConfigurationItemBuilder RestApi(string id = "a1b2c3d4e5", params string[] endpointTypes)
    {
        var builder = new ConfigurationItemBuilder("AWS::ApiGateway::RestApi", id, []) { _resourceName = "orders" };
        builder._arn = $"arn:aws:apigateway:{builder._region}::/restapis/{id}";
        builder.With("id", id).With("name", "orders");
        if (endpointTypes.Length > 0)
            builder.With("endpointConfiguration.types", new JsonArray([.. endpointTypes.Select(type => (JsonNode?)JsonValue.Create(type))]));
        return builder;
    }

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

    public ConfigurationItemBuilder InAccount(string accountId, string? region = null)
    {
        _accountId = accountId;
        _region = region ?? _region;
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
            ["configurationItemStatus"] = _status,
            ["tags"] = _tags.DeepClone(),
        };
        if (shape == ItemShape.InvokingEvent)
        {
            item["ARN"] = _arn;
            item["awsAccountId"] = _accountId;
            item["configurationItemCaptureTime"] = _captureTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            item["configuration"] = deleted ? null : _configuration.DeepClone();
            item["supplementaryConfiguration"] = _supplementary.DeepClone();
        }
        else
        {
            item["arn"] = _arn;
            item["accountId"] = _accountId;
            item["configurationItemCaptureTime"] = _captureTime.ToUnixTimeMilliseconds() / 1000.0;
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

    private string LambdaArn(string name) => $"arn:aws:lambda:{_region}:{_accountId}:function:{name}";
}
