using System.Collections.Concurrent;
using ConfigRules.Aws.WafV2;

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
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, WebAclDescription? Acl)> _cache = new(StringComparer.Ordinal);

    public WafV2WebAclLookup(WafV2Client client, TimeProvider? time = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? TimeProvider.System;
    }

    public async ValueTask<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(arn.Arn, out var cached) && cached.Expires > now) return cached.Acl;
        var acl = await _client.GetWebAclAsync(arn, cancellationToken).ConfigureAwait(false);
        _cache[arn.Arn] = (now + CacheDuration, acl);
        return acl;
    }
}
