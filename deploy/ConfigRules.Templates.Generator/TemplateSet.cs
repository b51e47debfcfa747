using ConfigRules.Framework.Rules;
using ConfigRules.Rules;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>A file the generator owns: its path from the repository root and its full text.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>Everything generated from the catalog, in memory: what the generator writes and the tests compare.</summary>
public static class TemplateSet
{
    public const string LambdaFunctionStandards = $"conformance-packs/{RulePacks.LambdaFunctionStandards}.yaml";
    public const string ApiGatewayPrivateEndpoints = $"conformance-packs/{RulePacks.ApiGatewayPrivateEndpoints}.yaml";
    public const string ServerlessGovernance = "conformance-packs/serverless-governance.yaml";
    public const string ServerlessSecurity = $"conformance-packs/{RulePacks.ServerlessSecurity}.yaml";
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
    /// The rules that declare <paramref name="pack"/> (<see cref="RuleDefinition.Packs"/>), in catalog order: a rule
    /// joins a pack by saying so in its own folder. A pack name no pack answers to is refused.
    /// </summary>
    public static IReadOnlyList<RuleDefinition> RulesIn(string pack)
    {
        var unknown = RuleCatalog.Definitions.SelectMany(rule => rule.Packs.Except(RulePacks.All).Select(name => $"{rule.Id} names '{name}'")).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Unknown conformance pack: {string.Join("; ", unknown)}. Known packs: {string.Join(", ", RulePacks.All)}.");
        return [.. RuleCatalog.Definitions.Where(rule => rule.Packs.Contains(pack, StringComparer.Ordinal))];
    }

    public static IReadOnlyList<GeneratedFile> Generate(string repositoryRoot)
    {
        var governance = Pack("ConfigRules serverless-governance: every ConfigRules rule (Lambda functions, API Gateway, alarms and CloudTrail), with automatic remediation of non-private REST APIs.",
            RuleCatalog.Definitions, remediation: true, FunctionSource.ArnParameters);
        var organizationPack = Pack("ConfigRules serverless-governance for an organization: every rule, evaluated by the functions of one central account.",
            RuleCatalog.Definitions, remediation: false, FunctionSource.CentralAccount);
        var memberRole = YamlWriter.Write(MemberRoleBuilder.Build(), Header);

        List<GeneratedFile> templates =
        [
            new(LambdaFunctionStandards, Pack("ConfigRules lambda-function-standards: runtimes, handlers, package size, memory, timeout, concurrency and execution roles of Lambda functions.",
                RulesIn(RulePacks.LambdaFunctionStandards), remediation: false, FunctionSource.ArnParameters)),
            new(ApiGatewayPrivateEndpoints, Pack("ConfigRules api-gateway-private-endpoints: REST APIs stay private; a non-private API is set back to PRIVATE automatically.",
                RulesIn(RulePacks.ApiGatewayPrivateEndpoints), remediation: true, FunctionSource.ArnParameters)),
            new(ServerlessSecurity, Pack("ConfigRules serverless-security: WAF rate limits and logging of API stages, public access to functions, alarms on function errors, and CloudTrail data events with Insights.",
                RulesIn(RulePacks.ServerlessSecurity), remediation: false, FunctionSource.ArnParameters)),
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
