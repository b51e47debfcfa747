using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Web ACLs from WAFv2 <c>GetWebACL</c>. Many stages share one web ACL, so answers are kept for a short time
/// (<see cref="CacheDuration"/>): a periodic run over every stage asks WAF once per ACL, and a change to an ACL is
/// seen by the next evaluation after that. Failures are not cached and propagate (the invocation fails and is retried).
/// </summary>
public sealed class WafV2WebAclLookup : IWebAclLookup
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private readonly WafV2Client _client;
    private readonly ShortLivedCache<WebAclDescription?> _cache;

    public WafV2WebAclLookup(WafV2Client client, TimeProvider? time = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _cache = new(CacheDuration, time);
    }

    public ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return _cache.GetOrReadAsync(arn.Arn, token => _client.GetWebAclAsync(arn, token), cancellationToken);
    }
}
