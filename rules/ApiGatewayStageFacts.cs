using ConfigRules.Framework.Model;

namespace ConfigRules.Rules;

/// <summary>How the stage rules name an <c>AWS::ApiGateway::Stage</c> item in their annotations.</summary>
internal static class ApiGatewayStageFacts
{
    public const string ResourceType = "AWS::ApiGateway::Stage";

    /// <summary>
    /// A deployment with a <c>StageName</c> creates its stage itself: in a template (and for the deployment hook's
    /// resource operations and change sets) the stage rules judge that stage through the deployment.
    /// </summary>
    public const string DeploymentResourceType = "AWS::ApiGateway::Deployment";

    /// <summary>
    /// "stage prod of REST API a1b2c3d4e5": the name from <c>configuration.stageName</c> (else the resource name), the
    /// API from the stage ARN Config uses as resource id (<c>arn:aws:apigateway:{region}::/restapis/{id}/stages/{name}</c>)
    /// or <c>configuration.restApiId</c>; just "stage prod" when neither tells.
    /// </summary>
    public static string Describe(ConfigurationItem item)
    {
        var name = item.Configuration.GetStringOrNull("stageName") is { Length: > 0 } stageName
            ? stageName
            : item.ResourceName is { Length: > 0 } resourceName ? resourceName : item.ResourceId;
        var api = RestApiId(item.Arn) ?? RestApiId(item.ResourceId) ?? item.Configuration.GetStringOrNull("restApiId");
        return api is { Length: > 0 } ? $"stage {name} of REST API {api}" : $"stage {name}";
    }

    private static string? RestApiId(string? arn)
    {
        if (string.IsNullOrEmpty(arn)) return null;
        const string marker = "/restapis/";
        var start = arn.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        start += marker.Length;
        var end = arn.IndexOf('/', start);
        var id = end < 0 ? arn[start..] : arn[start..end];
        return id.Length > 0 ? id : null;
    }
}
