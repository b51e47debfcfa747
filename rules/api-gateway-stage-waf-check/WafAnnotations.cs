using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>api-gateway-stage-waf-check's findings, each one sentence: what is wrong with which stage, and the fix.</summary>
internal static class WafAnnotations
{
    public static string NoWebAcl(string stage, ApiGatewayStageWafCheckParameters parameters) =>
        $"{Capital(stage)} has no web ACL; associate a WAFv2 web ACL{(parameters.RequireRateBasedRule ? " with a rate-based rule that blocks" : "")} (AWS::WAFv2::WebACLAssociation).";

    public static string NotAllowed(string stage, string arn, IReadOnlyList<string> patterns) =>
        $"{Capital(stage)} uses web ACL {Middle(arn)}, which matches no allowed pattern ({Middle(string.Join(", ", patterns), 60)}); associate an approved web ACL or extend allowedWebAclArnPatterns.";

    public static string NotWafV2(string stage, string arn) =>
        $"{Capital(stage)} uses {Middle(arn)}, which is not a WAFv2 web ACL, so its rate-based rules cannot be checked; associate a WAFv2 web ACL.";

    public static string TemplateArnUnknown(string stage, string logicalId) =>
        $"{Capital(stage)} uses web ACL {logicalId} of the same template; its ARN, which allowedWebAclArnPatterns judges, is not known before deployment.";

    public static string Missing(string stage, string name) =>
        $"Web ACL {name} of {stage} does not exist; associate an existing WAFv2 web ACL with a rate-based rule that blocks.";

    public static string NoRateRule(string stage, string name, long? max) =>
        $"Web ACL {name} of {stage} has no rate-based rule; add a rule with a RateBasedStatement and action Block{(max is { } m ? $" with a Limit of at most {m}" : "")}.";

    public static string DoesNotBlock(string stage, string name, WebAclRule rule) =>
        $"Web ACL {name} of {stage}: rate-based rule {rule.Name} {(rule.Action is { } action ? $"has action {action}" : "has no action")}, which does not block; set its action to Block.";

    public static string LimitTooHigh(string stage, string name, WebAclRule lowest, long max) =>
        $"Web ACL {name} of {stage} blocks only above {lowest.RateLimit} requests (rule {lowest.Name}), more than the maximum of {max}; lower the rule's Limit or raise maxRateLimit.";

    public static string Blocks(string stage, string name, WebAclRule rule, long? max) =>
        $"Web ACL {name} of {stage} blocks clients above {rule.RateLimit} requests (rate-based rule {rule.Name}){(max is { } m ? $", within the maximum of {m}" : "")}.";

    public static string Attached(string stage, string name, ApiGatewayStageWafCheckParameters parameters) =>
        $"{Capital(stage)} has web ACL {name}{(parameters.AllowedWebAclArnPatterns.Count > 0 ? ", which is allowed" : "")}; no rate-based rule is required.";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Middle(string text, int max = 90) =>
        TextShortening.ShortenMiddle(text, max);
}
