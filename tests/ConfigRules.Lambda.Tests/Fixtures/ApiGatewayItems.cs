using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// AWS::ApiGateway::RestApi and AWS::ApiGateway::Stage items, built with the SDK test kit: a REST API named as the
/// test says, and stages of one API (<see cref="ApiId"/>) with the settings a test judges.
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
    public static string StageArn(string stageName) => RestApiStage(stageName).ToJsonObject()["resourceId"]!.GetValue<string>();

    /// <summary>A stage of <see cref="ApiId"/> with <paramref name="settings"/> (method settings, access logs, a web ACL) on top of the kit's.</summary>
    public static ConfigurationItemBuilder Stage(string stageName, JsonObject? settings = null)
    {
        var stage = RestApiStage(stageName);
        foreach (var (name, value) in settings ?? []) stage.With(name, value?.DeepClone());
        return stage;
    }

    private static ConfigurationItemBuilder RestApiStage(string stageName) => ConfigurationItemBuilder.RestApiStage(stageName, ApiId);
}
