using System.Text.Json.Nodes;

namespace ConfigRules.Sdk.Testing;

/// <summary>The typed starting points: resources with typical values, which tests change where they judge.</summary>
public sealed partial class ConfigurationItemBuilder
{
    /// <summary>A zip-packaged <c>AWS::Lambda::Function</c> with typical values; tests change what they judge.</summary>
    public static ConfigurationItemBuilder LambdaFunction(string name = "orders-api")
    {
        var builder = new ConfigurationItemBuilder("AWS::Lambda::Function", name, []) { _resourceName = name };
        builder
            .With("functionName", name)
            .With("runtime", "python3.13")
            .With("handler", "app.handler")
            .With("codeSize", 2048)
            .With("timeout", 30)
            .With("memorySize", 256)
            .With("packageType", "Zip")
            .With("version", "$LATEST");
        return builder.PlacedBy(function =>
        {
            function._arn = $"arn:aws:lambda:{function._region}:{function._accountId}:function:{name}";
            function.With("functionArn", function._arn).With("role", $"arn:aws:iam::{function._accountId}:role/{name}-role");
        });
    }

    /// <summary>A function deployed as a container image: <c>packageType</c> Image, and no runtime or handler.</summary>
    public static ConfigurationItemBuilder LambdaContainerImageFunction(string name = "image-fn") =>
        LambdaFunction(name).Without("runtime").Without("handler").With("packageType", "Image");

    /// <summary>An <c>AWS::ApiGateway::RestApi</c> with the endpoint types given (none: the key is absent).</summary>
    public static ConfigurationItemBuilder RestApi(string id = "a1b2c3d4e5", params string[] endpointTypes)
    {
        var builder = new ConfigurationItemBuilder("AWS::ApiGateway::RestApi", id, []) { _resourceName = "orders" };
        builder.With("id", id).With("name", "orders");
        if (endpointTypes.Length > 0)
            builder.With("endpointConfiguration.types", new JsonArray([.. endpointTypes.Select(type => (JsonNode?)JsonValue.Create(type))]));
        return builder.PlacedBy(api => api._arn = $"arn:aws:apigateway:{api._region}::/restapis/{id}");
    }

    /// <summary>An <c>AWS::ApiGateway::Stage</c> of a REST API, as Config records it: the stage ARN is its resource id.</summary>
    public static ConfigurationItemBuilder RestApiStage(string stageName = "prod", string restApiId = "a1b2c3d4e5")
    {
        var builder = new ConfigurationItemBuilder("AWS::ApiGateway::Stage", StageArn(DefaultRegion, restApiId, stageName), []) { _resourceName = stageName };
        builder
            .With("stageName", stageName)
            .With("deploymentId", "abc123")
            .With("cacheClusterEnabled", false)
            .With("methodSettings", new JsonObject())
            .With("tracingEnabled", false);
        // Config names a stage by its ARN, so the resource id follows the region as the ARN does.
        return builder.PlacedBy(stage => stage._resourceId = stage._arn = StageArn(stage._region, restApiId, stageName));
    }

    private static string StageArn(string region, string restApiId, string stageName) =>
        $"arn:aws:apigateway:{region}::/restapis/{restApiId}/stages/{stageName}";

    private ConfigurationItemBuilder PlacedBy(Action<ConfigurationItemBuilder> placeInAccount)
    {
        _placeInAccount = placeInAccount;
        placeInAccount(this);
        return this;
    }
}
