using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;

namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>
/// Builds configuration items the way AWS writes them, in either shape, then reads them back through the
/// framework's mapper, so rules are tested on what they really receive.
/// </summary>
public sealed class ItemBuilder
{
    private const string Account = "123456789012";
    private const string Region = "eu-west-1";

    private readonly string _resourceType;
    private readonly string _resourceId;
    private readonly string _arn;
    private readonly JsonObject _configuration;
    private readonly JsonObject _supplementary = [];

    private ItemBuilder(string resourceType, string resourceId, string arn, JsonObject configuration)
    {
        _resourceType = resourceType;
        _resourceId = resourceId;
        _arn = arn;
        _configuration = configuration;
    }

    /// <summary>A zip-packaged function with typical values; tests change what they judge.</summary>
    public static ItemBuilder Function(string name = "orders-api")
    {
        var arn = $"arn:aws:lambda:{Region}:{Account}:function:{name}";
        return new ItemBuilder("AWS::Lambda::Function", name, arn, new JsonObject
        {
            ["functionName"] = name,
            ["functionArn"] = arn,
            ["runtime"] = "python3.13",
            ["role"] = $"arn:aws:iam::{Account}:role/{name}-role",
            ["handler"] = "app.handler",
            ["codeSize"] = 2048,
            ["timeout"] = 30,
            ["memorySize"] = 256,
            ["packageType"] = "Zip",
            ["version"] = "$LATEST",
        });
    }

    /// <summary>A function deployed as a container image: no runtime and no handler.</summary>
    public static ItemBuilder ContainerImageFunction(string name = "image-fn") =>
        Function(name).Without("runtime").Without("handler").With("packageType", "Image");

    public static ItemBuilder RestApi(string id = "a1b2c3d4e5", params string[] endpointTypes)
    {
        var types = new JsonArray();
        foreach (var type in endpointTypes) types.Add((JsonNode?)JsonValue.Create(type));
        return new ItemBuilder("AWS::ApiGateway::RestApi", id, $"arn:aws:apigateway:{Region}::/restapis/{id}", new JsonObject
        {
            ["id"] = id,
            ["name"] = "orders",
            ["apiKeySource"] = "HEADER",
            ["endpointConfiguration"] = new JsonObject { ["types"] = types },
        });
    }

    /// <summary>A REST API stage as Config records it: the stage ARN is its resource id.</summary>
    public static ItemBuilder Stage(string stageName = "prod", string restApiId = "a1b2c3d4e5")
    {
        var arn = $"arn:aws:apigateway:{Region}::/restapis/{restApiId}/stages/{stageName}";
        return new ItemBuilder("AWS::ApiGateway::Stage", arn, arn, new JsonObject
        {
            ["stageName"] = stageName,
            ["deploymentId"] = "abc123",
            ["cacheClusterEnabled"] = false,
            ["methodSettings"] = new JsonObject(),
            ["tracingEnabled"] = false,
        });
    }

    /// <summary>Sets a configuration property; a dotted path creates nested objects.</summary>
    public ItemBuilder With(string path, JsonNode? value)
    {
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

    public ItemBuilder Without(string property)
    {
        _configuration.Remove(property);
        return this;
    }

    public ItemBuilder WithSupplementary(string key, JsonNode value)
    {
        _supplementary[key] = value;
        return this;
    }

    /// <summary>The item as JSON text in the given shape.</summary>
    public string ToJson(ItemShape shape)
    {
        var captured = new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
        var item = new JsonObject
        {
            ["resourceType"] = _resourceType,
            ["resourceId"] = _resourceId,
            ["resourceName"] = _configuration["functionName"]?.DeepClone() ?? _configuration["name"]?.DeepClone() ?? _configuration["stageName"]?.DeepClone(),
            ["awsRegion"] = Region,
            ["configurationItemStatus"] = "OK",
        };
        if (shape == ItemShape.InvokingEvent)
        {
            item["ARN"] = _arn;
            item["awsAccountId"] = Account;
            item["configurationItemCaptureTime"] = captured.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            item["configuration"] = _configuration.DeepClone();
            item["supplementaryConfiguration"] = _supplementary.DeepClone();
        }
        else
        {
            item["arn"] = _arn;
            item["accountId"] = Account;
            item["configurationItemCaptureTime"] = captured.ToUnixTimeMilliseconds() / 1000.0;
            item["configuration"] = _configuration.ToJsonString();
            var supplementary = new JsonObject();
            foreach (var (key, value) in _supplementary) supplementary[key] = value?.ToJsonString();
            item["supplementaryConfiguration"] = supplementary;
        }
        return item.ToJsonString();
    }

    public ConfigurationItem Build(ItemShape shape = ItemShape.InvokingEvent) => ConfigurationItemMapper.Parse(ToJson(shape));
}
