using System.Text.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.CloudFormation;

/// <summary>
/// Maps template resources to the configuration items Config would record once deployed: property names as
/// Config spells them, with the service defaults that deployment applies (128 MB, 3 s, Zip, x86_64, EDGE).
/// </summary>
internal static class TemplateResourceMapper
{
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string RestApi = "AWS::ApiGateway::RestApi";

    public static TemplateItem MapFunction(string file, string logicalId, MapValue properties, bool serverless, int line, FunctionPolicy policy)
    {
        using var config = new ConfigurationWriter(file);
        var name = properties.Get("FunctionName");
        config.String("functionName", "FunctionName", name);
        config.String("runtime", "Runtime", properties.Get("Runtime"));
        config.String("handler", "Handler", properties.Get("Handler"));
        config.Integer("memorySize", "MemorySize", properties.Get("MemorySize"), 128);
        config.Integer("timeout", "Timeout", properties.Get("Timeout"), 3);

        var role = properties.Get("Role");
        if (role is null && serverless) config.MarkUnknown("role", "Role", "SAM creates the function's role at deployment");
        else config.String("role", "Role", role);

        var imageUri = serverless ? properties.Get("ImageUri") : (properties.Get("Code") as MapValue)?.Get("ImageUri");
        config.String("packageType", "PackageType", properties.Get("PackageType"), imageUri is null ? "Zip" : "Image");
        config.StringList("architectures", "Architectures", properties.Get("Architectures"), ["x86_64"]);
        config.StringList("layers", "Layers", properties.Get("Layers"), wrapField: "arn");
        // A template names the code (CodeUri, Code.S3Key, ZipFile), not the size of the package built from it.
        config.MarkUnknown("codeSize", "CodeSize", "the deployment package is built and uploaded at deployment");
        // The resource policy is assembled from AWS::Lambda::Permission and AWS::Lambda::Url resources (SAM events,
        // FunctionUrlConfig) as they are created, not from the function's own properties.
        var (document, unknownPolicy) = policy.Unknown is null ? PolicyDocument.Write(policy.Grants) : (null, policy.Unknown);
        if (unknownPolicy is not null) config.MarkUnknown("supplementaryConfiguration.Policy", "Policy", unknownPolicy.Reason);

        var reserved = config.ReadInteger("ReservedConcurrentExecutions", properties.Get("ReservedConcurrentExecutions"), "reservedConcurrentExecutions");
        var supplementary = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (reserved is { } value)
        {
            using var concurrency = JsonDocument.Parse($"{{\"reservedConcurrentExecutions\":{value}}}");
            supplementary["Concurrency"] = concurrency.RootElement.Clone();
        }
        if (document is { } written) supplementary["Policy"] = written;

        var mapped = config.FinishItem(LambdaFunction, logicalId, name, line);
        return mapped with { Item = mapped.Item with { SupplementaryConfiguration = supplementary } };
    }

    /// <summary><c>AWS::ApiGateway::RestApi</c>: <c>EndpointConfiguration.Types</c>, EDGE when absent (API Gateway's default).</summary>
    public static TemplateItem MapRestApi(string file, string logicalId, MapValue properties, int line) =>
        MapApi(file, logicalId, properties, line, "EndpointConfiguration.Types", endpoint => endpoint switch
        {
            MapValue map => map.Get("Types"),
            UnknownValue unknown => unknown,
            _ => null,
        });

    /// <summary><c>AWS::Serverless::Api</c>: <c>EndpointConfiguration</c> is a type name or an object with <c>Type</c>.</summary>
    public static TemplateItem MapServerlessApi(string file, string logicalId, MapValue properties, int line) =>
        MapApi(file, logicalId, properties, line, "EndpointConfiguration", endpoint => endpoint switch
        {
            MapValue map => map.Get("Type"),
            _ => endpoint,
        });

    /// <summary>A REST API as Config records it; <paramref name="types"/> finds the endpoint types where this resource type writes them.</summary>
    private static TemplateItem MapApi(
        string file, string logicalId, MapValue properties, int line, string typesProperty, Func<TemplateValue?, TemplateValue?> types)
    {
        using var config = new ConfigurationWriter(file);
        config.String("name", "Name", properties.Get("Name"));
        WriteEndpointTypes(config, typesProperty, types(properties.Get("EndpointConfiguration")));
        return config.FinishItem(RestApi, logicalId, properties.Get("Name"), line);
    }

    private static void WriteEndpointTypes(ConfigurationWriter config, string property, TemplateValue? types)
    {
        if (types is UnknownValue unknown)
        {
            config.MarkUnknown("endpointConfiguration.types", property, unknown.Reason);
            return;
        }
        config.StartObject("endpointConfiguration");
        config.StringList("types", property, types, ["EDGE"], unknownKey: "endpointConfiguration.types");
        config.EndObject();
    }
}
