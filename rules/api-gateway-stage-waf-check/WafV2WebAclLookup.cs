using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Web ACLs from WAFv2 <c>GetWebACL</c>. Many stages share one web ACL, so answers are kept for a short time
/// (<see cref="CachedLiveLookup{TClient, TValue}.CacheDuration"/>): a periodic run over every stage asks WAF once per
/// ACL, and a change to an ACL is seen by the next evaluation after that. Failures are not cached and propagate.
/// </summary>
public sealed class WafV2WebAclLookup(WafV2Client client, TimeProvider? time = null)
    : CachedLiveLookup<WafV2Client, WebAclDescription?>(client, time), IWebAclLookup
{
    public ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return CachedAsync(arn.Arn, token => Client.GetWebAclAsync(arn, token), cancellationToken);
    }
}
