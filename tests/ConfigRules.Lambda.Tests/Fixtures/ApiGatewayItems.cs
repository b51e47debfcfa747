using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// AWS::ApiGateway::RestApi (and AWS::ApiGateway::Stage) configuration items written from the documented
/// formats: the configuration is API Gateway's GetRestApi output; the resource id is the API id.
/// </summary>
public static class ApiGatewayItems
{
    public const string RestApiType = "AWS::ApiGateway::RestApi";
    public const string StageType = "AWS::ApiGateway::Stage";

    public static string Arn(string apiId) => $"arn:aws:apigateway:{LambdaFunctionItems.Region}::/restapis/{apiId}";

    /// <summary>A REST API's configuration; <paramref name="types"/> null leaves out endpointConfiguration (an edge-optimized default).</summary>
    public static JsonObject Configuration(string apiId, string name, params string[]? types)
    {
        var configuration = new JsonObject
        {
            ["id"] = apiId,
            ["name"] = name,
            ["description"] = "fixture API",
            ["createdDate"] = "2024-02-01T10:00:00.000Z",
            ["apiKeySource"] = "HEADER",
            ["minimumCompressionSize"] = ItemEdits.Number("1024.0"),
            ["disableExecuteApiEndpoint"] = false,
            ["rootResourceId"] = "r00t1d",
            ["tags"] = new JsonObject(),
        };
        if (types is not null) configuration["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray([.. types.Select(t => (JsonNode)t)]) };
        return configuration;
    }

    /// <summary>A REST API item as a change notification's <c>invokingEvent</c> carries it.</summary>
    public static JsonObject RestApi(string apiId, string name, params string[]? types) =>
        Item(RestApiType, apiId, name, Arn(apiId), Configuration(apiId, name, types));

    /// <summary>A stage item: another resource type, which the endpoint rule does not judge.</summary>
    public static JsonObject Stage(string apiId, string stageName)
    {
        var arn = $"{Arn(apiId)}/stages/{stageName}";
        return Item(StageType, arn, stageName, arn, new JsonObject
        {
            ["stageName"] = stageName,
            ["restApiId"] = apiId,
            ["deploymentId"] = "d3pl0y",
            ["tracingEnabled"] = false,
        });
    }

    /// <summary>The summary an oversized notification carries for a REST API.</summary>
    public static JsonObject Summary(string apiId, string name) => new()
    {
        ["changeType"] = "UPDATE",
        ["configurationItemVersion"] = "1.3",
        ["configurationItemCaptureTime"] = Iso(LambdaFunctionItems.CaptureTime),
        ["configurationStateId"] = 1717245000002,
        ["awsAccountId"] = LambdaFunctionItems.AccountId,
        ["configurationItemStatus"] = "OK",
        ["resourceType"] = RestApiType,
        ["resourceId"] = apiId,
        ["resourceName"] = name,
        ["ARN"] = Arn(apiId),
        ["awsRegion"] = LambdaFunctionItems.Region,
        ["availabilityZone"] = "Not Applicable",
        ["configurationStateMd5Hash"] = "",
        ["resourceCreationTime"] = "2024-02-01T10:00:00.000Z",
    };

    private static JsonObject Item(string type, string id, string name, string arn, JsonObject configuration) => new()
    {
        ["relatedEvents"] = new JsonArray(),
        ["relationships"] = new JsonArray(),
        ["configuration"] = configuration,
        ["supplementaryConfiguration"] = new JsonObject(),
        ["tags"] = new JsonObject { ["team"] = "governance" },
        ["configurationItemVersion"] = "1.3",
        ["configurationItemCaptureTime"] = Iso(LambdaFunctionItems.CaptureTime),
        ["configurationStateId"] = 1717245000000,
        ["awsAccountId"] = LambdaFunctionItems.AccountId,
        ["configurationItemStatus"] = "OK",
        ["resourceType"] = type,
        ["resourceId"] = id,
        ["resourceName"] = name,
        ["ARN"] = arn,
        ["awsRegion"] = LambdaFunctionItems.Region,
        ["availabilityZone"] = "Regional",
        ["configurationStateMd5Hash"] = "",
        ["resourceCreationTime"] = "2024-02-01T10:00:00.000Z",
    };

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
