using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Where api-gateway-stage-waf-check reads a web ACL's rules: WAFv2 GetWebACL in the Lambda host, the
/// <c>AWS::WAFv2::WebACL</c> items of the same input in the CLI, the web ACLs a template defines.
/// </summary>
public interface IWebAclLookup
{
    /// <summary>The web ACL named by a WAFv2 ARN, or null when it no longer exists.</summary>
    ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken);

    /// <summary>
    /// What the rule calls: the web ACL (or null), or, offline, that the input does not hold it. A live lookup always
    /// answers; the offline index overrides this to say "not in the input" without an exception.
    /// </summary>
    async ValueTask<LookupResult<WebAclDescription?>> FindWebAclAsync(WebAclArn arn, CancellationToken cancellationToken) =>
        LookupResult.Found(await GetWebAclAsync(arn, cancellationToken).ConfigureAwait(false));
}
