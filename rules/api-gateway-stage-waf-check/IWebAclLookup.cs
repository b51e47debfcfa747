using ConfigRules.Aws.WafV2;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Where api-gateway-stage-waf-check reads a web ACL's rules: WAFv2 GetWebACL in the Lambda host, the
/// <c>AWS::WAFv2::WebACL</c> items of the same input in the CLI, the web ACLs a template defines.
/// </summary>
public interface IWebAclLookup
{
    /// <summary>The web ACL named by a WAFv2 ARN, or null when it no longer exists.</summary>
    ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken);
}
