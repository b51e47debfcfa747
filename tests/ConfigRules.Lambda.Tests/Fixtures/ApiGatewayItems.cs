using System.Text.Json.Nodes;
using ConfigRules.Sdk.Testing;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// AWS::ApiGateway::RestApi and AWS::ApiGateway::Stage items, built with the SDK test kit: a REST API's
/// configuration is API Gateway's GetRestApi output (resource id: the API id); a stage's is GetStage's (resource
/// id: the stage's ARN).
/// </summary>
public static class ApiGatewayItems
{
    public const string RestApiType = "AWS::ApiGateway::RestApi";
    public const string StageType = "AWS::ApiGateway::Stage";

    /// <summary>The API every stage item belongs to.</summary>
    public const string ApiId = "a1b2c3d4e5";

    /// <summary>A REST API named <paramref name="name"/>; no <paramref name="type"/> leaves out endpointConfiguration (an edge-optimized default).</summary>
    public static ConfigurationItemBuilder RestApi(string apiId, string name, string? type) =>
        (type is null ? ConfigurationItemBuilder.RestApi(apiId) : ConfigurationItemBuilder.RestApi(apiId, type)).With("name", name);

    /// <summary>The stage's ARN, which Config records as its resource id.</summary>
    public static string StageArn(string stageName) =>
        $"arn:aws:apigateway:{ConfigurationItemBuilder.DefaultRegion}::/restapis/{ApiId}/stages/{stageName}";

    /// <summary>A stage of <see cref="ApiId"/> with <paramref name="settings"/> (method settings, access logs, a web ACL) on top of the basics.</summary>
    public static ConfigurationItemBuilder Stage(string stageName, JsonObject? settings = null)
    {
        var configuration = new JsonObject
        {
            ["stageName"] = stageName,
            ["restApiId"] = ApiId,
            ["deploymentId"] = "d3pl0y",
            ["tracingEnabled"] = false,
        };
        foreach (var (name, value) in settings ?? []) configuration[name] = value?.DeepClone();
        return ConfigurationItemBuilder.Of(StageType, StageArn(stageName), configuration);
    }
}
