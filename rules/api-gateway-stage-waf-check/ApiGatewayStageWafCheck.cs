using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>
/// Flags REST API stages with no web ACL (<c>configuration.webAclArn</c>), with one outside the allowed patterns,
/// or (when required) whose web ACL has no top-level rate-based rule that blocks within <c>maxRateLimit</c>. The web
/// ACL's rules come from <see cref="IWebAclLookup"/>.
/// </summary>
public sealed class ApiGatewayStageWafCheck : ConfigRule<ApiGatewayStageWafCheckParameters>
{
    public override RuleDefinition Definition => ApiGatewayStageWafCheckDefinition.Value;

    protected override ApiGatewayStageWafCheckParameters ReadParameters(ParameterReader reader) => ApiGatewayStageWafCheckParameters.Read(reader);

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, ApiGatewayStageWafCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        var stage = ApiGatewayStageFacts.Describe(item);
        var arn = item.Configuration.GetStringOrNull("webAclArn");
        if (string.IsNullOrWhiteSpace(arn))
            return Verdict.NonCompliant(WafAnnotations.NoWebAcl(stage, parameters));
        WebAclArn? parsed;
        if (TemplateReference.TryParse(arn, out var reference))
        {
            // A web ACL the same template creates: its ARN exists only after deployment, its rules are in the template.
            if (parameters.AllowedWebAclArnPatterns.Count > 0)
                return Verdict.NotApplicable(WafAnnotations.TemplateArnUnknown(stage, reference.LogicalId));
            parsed = new WebAclArn(arn, "", "REGIONAL", reference.LogicalId, "");
        }
        else
        {
            if (!parameters.AllowsWebAcl(arn))
                return Verdict.NonCompliant(WafAnnotations.NotAllowed(stage, arn, parameters.AllowedWebAclArnPatterns));
            parsed = WebAclArn.TryParse(arn, out var webAcl) ? webAcl : null;
        }
        if (!parameters.RequireRateBasedRule)
            return Verdict.Compliant(WafAnnotations.Attached(stage, parsed?.Name ?? arn, parameters));
        if (parsed is null)
            return Verdict.NonCompliant(WafAnnotations.NotWafV2(stage, arn));

        var found = await context.Services.GetRequired<IWebAclLookup>().FindWebAclAsync(parsed, cancellationToken).ConfigureAwait(false);
        if (found.NotApplicableVerdict is { } unknown) return unknown;
        var acl = found.Value;
        return acl is null ? Verdict.NonCompliant(WafAnnotations.Missing(stage, parsed.Name)) : Judge(stage, acl, parameters.MaxRateLimit);
    }

    private static Verdict Judge(string stage, WebAclDescription acl, long? max)
    {
        var rateRules = acl.Rules.Where(rule => rule.IsRateBased).ToArray();
        var blocking = rateRules.Where(rule => rule.Action == "Block" && rule.RateLimit is not null).OrderBy(rule => rule.RateLimit).ToArray();
        if (blocking.FirstOrDefault(rule => max is null || rule.RateLimit <= max) is { } within)
            return Verdict.Compliant(WafAnnotations.Blocks(stage, acl.Name, within, max));
        if (blocking.Length > 0)
            return Verdict.NonCompliant(WafAnnotations.LimitTooHigh(stage, acl.Name, blocking[0], max!.Value));
        if (rateRules.Length > 0)
            return Verdict.NonCompliant(WafAnnotations.DoesNotBlock(stage, acl.Name, rateRules[0]));
        return Verdict.NonCompliant(WafAnnotations.NoRateRule(stage, acl.Name, max));
    }
}
