using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.WafV2;

/// <summary>One rule of a web ACL: its statement kind as far as the rules need it, and the action it takes.</summary>
/// <param name="Action">The RuleAction member (<c>Block</c>, <c>Allow</c>, <c>Count</c>, <c>Captcha</c>, <c>Challenge</c>); null for rule-group statements, which carry an override action instead.</param>
/// <param name="RateLimit">The <c>RateBasedStatement</c>'s <c>Limit</c> when the rule's top-level statement is one; else null.</param>
public sealed record WebAclRule(string Name, long Priority, string? Action, bool IsRateBased, long? RateLimit);

/// <summary>A web ACL as GetWebACL describes it, reduced to what the rules read.</summary>
public sealed record WebAclDescription(string Arn, string Name, string Id, IReadOnlyList<WebAclRule> Rules);

/// <summary>AWS WAFv2 over awsJson1_1 (<c>X-Amz-Target: AWSWAF_20190729.&lt;Operation&gt;</c>): reads web ACLs.</summary>
public sealed class WafV2Client(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string TargetPrefix = "AWSWAF_20190729";

    private readonly AwsJsonProtocol _protocol = new(transport, AwsService.WafV2, endpoint, TargetPrefix);

    public static WafV2Client Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.WafV2));

    /// <summary>
    /// GetWebACL by the name, id and scope in the ARN; null when WAF answers <c>WAFNonexistentItemException</c>
    /// (the ACL was deleted). Any other failure propagates.
    /// </summary>
    public async Task<WebAclDescription?> GetWebAclAsync(WebAclArn arn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var output = await NoneAnswers.NullWhenAsync(_protocol.InvokeAsync("GetWebACL", new GetWebAclInput { Name = arn.Name, Scope = arn.Scope, Id = arn.Id },
            WafV2JsonContext.Default.GetWebAclInput, WafV2JsonContext.Default.GetWebAclOutput, cancellationToken), "WAFNonexistentItemException").ConfigureAwait(false);
        if (output is null) return null;
        var acl = output.WebAcl ?? throw new AwsProtocolException("WAFv2 GetWebACL answered without a WebACL.");
        return new WebAclDescription(acl.Arn ?? arn.Arn, acl.Name ?? arn.Name, acl.Id ?? arn.Id, [.. (acl.Rules ?? []).Select(ToRule)]);
    }

    private static WebAclRule ToRule(WebAclRuleShape rule)
    {
        var rate = rule.Statement?.RateBasedStatement;
        var action = rule.Action is { Count: > 0 } members ? members.Keys.First() : null;
        return new WebAclRule(rule.Name ?? "", rule.Priority ?? 0, action, rate is not null, rate?.Limit);
    }
}
