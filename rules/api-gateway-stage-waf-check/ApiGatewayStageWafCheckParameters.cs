using ConfigRules.Framework.Parameters;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>api-gateway-stage-waf-check's parameters, validated.</summary>
/// <param name="MaxRateLimit">The largest rate-based <c>Limit</c> accepted; null: any limit.</param>
/// <param name="AllowedWebAclArnPatterns">Web ACL ARN patterns with <c>*</c> wildcards; empty: any web ACL.</param>
public sealed record ApiGatewayStageWafCheckParameters(bool RequireRateBasedRule, long? MaxRateLimit, IReadOnlyList<string> AllowedWebAclArnPatterns)
{
    public bool AllowsWebAcl(string arn) =>
        AllowedWebAclArnPatterns.Count == 0 || AllowedWebAclArnPatterns.Any(pattern => ArnWildcard.IsMatch(pattern, arn));

    internal static ApiGatewayStageWafCheckParameters Read(ParameterReader reader)
    {
        var require = reader.GetBoolean("requireRateBasedRule") ?? true;
        var max = reader.GetInteger("maxRateLimit");
        var patterns = reader.GetList("allowedWebAclArnPatterns").Distinct(StringComparer.Ordinal).ToArray();
        var bad = patterns.Where(p => !(p.StartsWith("arn:", StringComparison.Ordinal) || p.StartsWith('*')) || p.Any(char.IsWhiteSpace)).ToArray();
        if (bad.Length > 0)
            reader.AddProblem(
                $"parameter 'allowedWebAclArnPatterns' has {(bad.Length == 1 ? "an entry that is" : $"{bad.Length} entries that are")} not valid: " +
                $"{TextShortening.QuotedList(bad, 60)}; " +
                "expected a comma-separated list of web ACL ARN patterns starting with arn: or * (for example arn:aws:wafv2:*:*:regional/webacl/shared-*).");
        return new ApiGatewayStageWafCheckParameters(require, max, patterns);
    }
}
