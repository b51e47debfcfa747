using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>How far one IAM action can be scoped, and why the function needs it.</summary>
/// <param name="Resource">The resource ARN pattern (a <c>!Sub</c> template), or "*" where the API allows nothing narrower.</param>
/// <param name="WhyUnscoped">For "*": the reason, naming the API, written beside the statement.</param>
public sealed record IamActionScope(string Action, string Resource, string Purpose, string? WhyUnscoped = null)
{
    public bool IsUnscoped => Resource == "*";

    public YamlNode ResourceNode => IsUnscoped ? new YamlScalar("*") : Cfn.Sub(Resource);
}

/// <summary>
/// Every IAM action a function of this package may hold, with the narrowest resource AWS accepts for it.
/// A catalog action missing here fails generation: a new permission is a decision, not a default.
/// </summary>
public static class IamActionScopes
{
    private const string AccountConfigRules = "arn:${AWS::Partition}:config:${AWS::Region}:${AWS::AccountId}:config-rule/*";
    private const string AccountFunctions = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*";
    private const string AccountRoles = "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*";
    private const string RegionAlarms = "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*";
    // Multi-region trails are named by their home region's ARN, organization trails by the management account's.
    private const string AnyTrail = "arn:${AWS::Partition}:cloudtrail:*:*:trail/*";
    private const string RegionRestApis = "arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/*";
    private const string RegionWebAcls = "arn:${AWS::Partition}:wafv2:${AWS::Region}:${AWS::AccountId}:regional/webacl/*/*";

    public static IReadOnlyList<IamActionScope> All { get; } =
    [
        new("config:BatchGetResourceConfig", "*", "Periodic runs: reads up to 100 recorded resources a call.",
            "config:BatchGetResourceConfig has no resource-level permissions (no resource type in the Service Authorization Reference)."),
        new("config:GetComplianceDetailsByConfigRule", AccountConfigRules,
            "Periodic runs: finds earlier results of resources that no longer exist, to mark them NOT_APPLICABLE."),
        new("config:GetResourceConfigHistory", "*", "Oversized change notifications: fetches the full configuration item.",
            "config:GetResourceConfigHistory has no resource-level permissions (no resource type in the Service Authorization Reference)."),
        new("config:ListDiscoveredResources", "*", "Periodic runs: lists every recorded resource of the rule's types.",
            "config:ListDiscoveredResources has no resource-level permissions (no resource type in the Service Authorization Reference)."),
        new("config:PutEvaluations", "*", "Reports the evaluations (authorized by the invocation's result token).",
            "config:PutEvaluations has no resource-level permissions; the invocation's result token ties it to one rule."),
        new("lambda:GetFunctionConcurrency", AccountFunctions,
            "Reads a function's reserved concurrency when the configuration item does not carry it."),
        new("lambda:GetPolicy", AccountFunctions,
            "Reads a function's resource policy when the configuration item does not carry it."),
        new("iam:GetRole", AccountRoles, "Reads the execution role (ARN, permissions boundary)."),
        new("iam:ListAttachedRolePolicies", AccountRoles, "Lists the managed policies attached to the execution role."),
        new("wafv2:GetWebACL", RegionWebAcls, "Reads the rules of a stage's regional web ACL (rate-based rules and their actions)."),
        new("cloudwatch:DescribeAlarms", RegionAlarms, "Lists the region's metric alarms once per run, to find alarms on each function's errors."),
        new("cloudtrail:DescribeTrails", "*", "Lists the trails that record the region (shadow and organization trails included).",
            "cloudtrail:DescribeTrails lists trails and has no resource-level permissions (no resource type in the Service Authorization Reference)."),
        new("cloudtrail:GetTrailStatus", AnyTrail, "Reads whether each trail is logging."),
        new("cloudtrail:GetEventSelectors", AnyTrail, "Reads each trail's basic or advanced event selectors (Lambda and S3 data events)."),
        new("cloudtrail:GetInsightSelectors", AnyTrail, "Reads each trail's Insights types."),
        new("apigateway:GET", RegionRestApis, "Reads the REST API (GetRestApi) before changing it."),
        new("apigateway:PATCH", RegionRestApis, "Changes the endpoint configuration to PRIVATE (UpdateRestApi patch operations)."),
        new("apigateway:UpdateRestApiPolicy", RegionRestApis,
            "Sets the resource policy that limits a private API to the given VPC endpoints."),
        new("config:StartConfigRulesEvaluation", AccountConfigRules,
            "Fast path: asks Config to re-evaluate the endpoint rule right after an API Gateway change."),
        new("config:DescribeConfigRules", "*", "Fast path: lists the account's rules to find the endpoint rule's deployed names (conformance packs add a suffix).",
            "config:DescribeConfigRules lists every rule of the account; pack rules get a generated suffix and id, so no ARN can be named in advance."),
    ];

    public static IamActionScope For(string action) =>
        All.FirstOrDefault(scope => scope.Action == action)
        ?? throw new InvalidOperationException(
            $"The IAM action '{action}' has no scope in {nameof(IamActionScopes)}: add it with the narrowest resource AWS accepts.");

    /// <summary>The extra actions of the two handlers that are not rules (the rules' come from the catalog).</summary>
    public static IReadOnlyList<string> EndpointRemediationActions { get; } =
    [
        "apigateway:GET",
        "apigateway:PATCH",
        "apigateway:UpdateRestApiPolicy",
        "config:DescribeConfigRules",
        "config:StartConfigRulesEvaluation",
    ];
}
