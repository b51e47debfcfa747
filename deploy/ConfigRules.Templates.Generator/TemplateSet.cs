using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>A file the generator owns: its path from the repository root and its full text.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Everything generated from the catalog, in memory: what the generator writes and the tests compare.</summary>
public static class TemplateSet
{
    public const string LambdaFunctionStandards = "conformance-packs/lambda-function-standards.yaml";
    public const string ApiGatewayPrivateEndpoints = "conformance-packs/api-gateway-private-endpoints.yaml";
    public const string ServerlessGovernance = "conformance-packs/serverless-governance.yaml";
    public const string ServerlessSecurity = "conformance-packs/serverless-security.yaml";
    public const string DeployStack = "deploy/config-rules-stack.yaml";
    public const string OrganizationPack = "deploy/organization/serverless-governance-organization-pack.yaml";
    public const string OrganizationRollout = "deploy/organization/organization-rollout.yaml";
    public const string MemberRole = "deploy/organization/member-role.yaml";
    public const string MemberHook = "deploy/organization/member-hook.yaml";

    private const string Header =
        "Generated from the rule catalog (rules/RuleCatalog.cs) by deploy/ConfigRules.Templates.Generator: do not edit.\n" +
        "Regenerate with: dotnet cake --target=GenerateTemplates";

    public static IReadOnlyList<string> ConformancePacks { get; } = [LambdaFunctionStandards, ApiGatewayPrivateEndpoints, ServerlessSecurity, ServerlessGovernance, OrganizationPack];

    /// <summary>
    /// The serverless-security pack's rules (the contract's WAF, stage logging, public access, error alarm and CloudTrail
    /// rules), in this order, as far as the catalog holds them: a rule joins the pack when it joins the catalog.
    /// </summary>
    public static IReadOnlyList<string> SecurityRuleIds { get; } =
    [
        "api-gateway-stage-waf-check",
        "api-gateway-stage-logging-check",
        "lambda-public-access-check",
        "lambda-error-alarm-check",
        "cloudtrail-serverless-audit-check",
    ];

    public static IReadOnlyList<RuleDefinition> SecurityRules =>
        [.. SecurityRuleIds.Select(RuleCatalog.FindDefinition).OfType<RuleDefinition>()];

    public static IReadOnlyList<GeneratedFile> Generate(string repositoryRoot)
    {
        // The function standards are the settings rules; the security rules on functions (public access, error alarms) have their own pack.
        var lambdaRules = RuleCatalog.Definitions.Where(rule => rule.ResourceTypes.Contains("AWS::Lambda::Function") && !SecurityRuleIds.Contains(rule.Id)).ToList();
        var endpointRule = RuleCatalog.FindDefinition(EndpointRemediation.RuleId)
            ?? throw new InvalidOperationException($"The catalog has no {EndpointRemediation.RuleId}.");

        var governance = Pack("ConfigRules serverless-governance: every ConfigRules rule (Lambda functions, API Gateway, alarms and CloudTrail), with automatic remediation of non-private REST APIs.",
            RuleCatalog.Definitions, remediation: true, FunctionSource.ArnParameters);
        var organizationPack = Pack("ConfigRules serverless-governance for an organization: every rule, evaluated by the functions of one central account.",
            RuleCatalog.Definitions, remediation: false, FunctionSource.CentralAccount);
        var memberRole = YamlWriter.Write(MemberRoleBuilder.Build(), Header);

        List<GeneratedFile> templates =
        [
            new(LambdaFunctionStandards, Pack("ConfigRules lambda-function-standards: runtimes, handlers, package size, memory, timeout, concurrency and execution roles of Lambda functions.",
                lambdaRules, remediation: false, FunctionSource.ArnParameters)),
            new(ApiGatewayPrivateEndpoints, Pack("ConfigRules api-gateway-private-endpoints: REST APIs stay private; a non-private API is set back to PRIVATE automatically.",
                [endpointRule], remediation: true, FunctionSource.ArnParameters)),
            new(ServerlessSecurity, Pack("ConfigRules serverless-security: WAF rate limits and logging of API stages, public access to functions, alarms on function errors, and CloudTrail data events with Insights.",
                SecurityRules, remediation: false, FunctionSource.ArnParameters)),
            new(ServerlessGovernance, governance),
            new(DeployStack, YamlWriter.Write(StackBuilder.Build(governance), Header)),
            new(OrganizationPack, organizationPack),
            new(MemberRole, memberRole),
            new(MemberHook, YamlWriter.Write(MemberHookBuilder.Build(), Header)),
            new(OrganizationRollout, YamlWriter.Write(OrganizationBuilder.Build(organizationPack), Header)),
        ];
        return [.. templates, new(DeployDoc.Path, DeployDoc.Regenerate(File.ReadAllText(System.IO.Path.Combine(repositoryRoot, DeployDoc.Path)), templates))];
    }

    private static string Pack(string description, IReadOnlyList<RuleDefinition> rules, bool remediation, FunctionSource functions) =>
        YamlWriter.Write(PackBuilder.Build(new PackSpec(description, rules, remediation, functions)), Header);
}
