using ConfigRules.Aws;
using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.ApiGatewayStageWaf;

/// <summary>api-gateway-stage-waf-check as data: see README.md beside this file.</summary>
public static class ApiGatewayStageWafCheckDefinition
{
    public static RuleDefinition Value { get; } = new()
    {
        Id = "api-gateway-stage-waf-check",
        Title = "API Gateway stages are behind a web ACL that rate-limits clients",
        Description = "Flags REST API stages without a WAFv2 web ACL, with one that is not approved, or whose web ACL has no rate-based rule that blocks clients above a request threshold. A rate-based rule is what stops one address from flooding the API and the functions behind it.",
        ResourceTypes = [ApiGatewayStageFacts.ResourceType],
        TemplateResourceTypes = [ApiGatewayStageFacts.DeploymentResourceType],
        Severity = Severity.High,
        Packs = [RulePacks.ServerlessSecurity],
        Parameters =
        [
            new("requireRateBasedRule", ParameterKind.Boolean, "true",
                "Require the web ACL to hold a rate-based rule whose action is Block."),
            new("maxRateLimit", ParameterKind.Integer, null,
                "The largest rate-based rule Limit accepted (requests per evaluation window, 10 to 2000000000). Empty: any limit.",
                Minimum: 10, Maximum: 2_000_000_000),
            new("allowedWebAclArnPatterns", ParameterKind.StringList, null,
                "Web ACL ARNs stages may use; * matches any run of characters (for example arn:aws:wafv2:*:*:regional/webacl/shared-*/*). Empty: any web ACL."),
        ],
        Lookups =
        [
            new RuleLookup<IWebAclLookup>
            {
                Describes = "the stage's web ACL and its rules",
                IamActions = ["wafv2:GetWebACL"],
                RelatedResourceTypes = [WebAclIndex.WebAclResourceType],
                Live = host => new WafV2WebAclLookup(WafV2Client.Create(host.Require<AwsClientContext>()), host.Time),
                Offline = source => new WebAclIndex(source),
            },
        ],
        TemplateInputs = [new("webAclArn", "WebACLArn")],
        Remediation = "Associate a WAFv2 web ACL with the stage and give it a rate-based rule with action Block and a limit within maxRateLimit.",
    };
}
