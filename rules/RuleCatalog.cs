using ConfigRules.Framework.Rules;
using ConfigRules.Rules.ApiGatewayEndpointType;
using ConfigRules.Rules.ApiGatewayStageLogging;
using ConfigRules.Rules.ApiGatewayStageWaf;
using ConfigRules.Rules.CloudTrailServerlessAudit;
using ConfigRules.Rules.LambdaCodeSize;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaErrorAlarm;
using ConfigRules.Rules.LambdaExecutionRole;
using ConfigRules.Rules.LambdaHandlerName;
using ConfigRules.Rules.LambdaMemorySize;
using ConfigRules.Rules.LambdaPublicAccess;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Rules.LambdaTimeout;

namespace ConfigRules.Rules;

/// <summary>
/// Every rule of the package, in one explicit list (no reflection, so Native AOT keeps them all). Docs,
/// conformance-pack parameters, IAM policies and the Lambda handler table all follow from this list.
/// </summary>
public static class RuleCatalog
{
    /// <summary>The rules themselves (stateless; lookups come through <see cref="RuleContext.Services"/>).</summary>
    public static IReadOnlyList<IConfigRule> All { get; } =
    [
        new LambdaRuntimeCheck(),
        new LambdaHandlerNameCheck(),
        new LambdaCodeSizeCheck(),
        new LambdaMemorySizeCheck(),
        new LambdaTimeoutCheck(),
        new LambdaConcurrencyCheck(),
        new LambdaExecutionRoleCheck(),
        new ApiGatewayEndpointTypeCheck(),
        new ApiGatewayStageWafCheck(),
        new ApiGatewayStageLoggingCheck(),
        new LambdaPublicAccessCheck(),
        new LambdaErrorAlarmCheck(),
        new CloudTrailServerlessAuditCheck(),
    ];

    /// <summary>The rules' definitions, in catalog order: taken from the rules, so the two lists cannot disagree.</summary>
    public static IReadOnlyList<RuleDefinition> Definitions { get; } = [.. All.Select(rule => rule.Definition)];

    public static IConfigRule? Find(string id) =>
        All.FirstOrDefault(rule => string.Equals(rule.Definition.Id, id, StringComparison.Ordinal));

    public static RuleDefinition? FindDefinition(string id) =>
        Definitions.FirstOrDefault(definition => string.Equals(definition.Id, id, StringComparison.Ordinal));
}
