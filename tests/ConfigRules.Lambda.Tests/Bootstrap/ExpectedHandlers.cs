using ConfigRules.Rules;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>The handler names the contract (section 2) says the one bootstrap serves.</summary>
internal static class ExpectedHandlers
{
    /// <summary>The rule handlers of the contract's table, each named by its rule id.</summary>
    public static IReadOnlyList<string> Rules { get; } =
    [
        "lambda-runtime-check",
        "lambda-handler-name-check",
        "lambda-code-size-check",
        "lambda-memory-size-check",
        "lambda-timeout-check",
        "lambda-concurrency-check",
        "lambda-execution-role-check",
        "api-gateway-endpoint-type-check",
        "api-gateway-stage-waf-check",
        "api-gateway-stage-logging-check",
        "lambda-public-access-check",
        "lambda-error-alarm-check",
        "cloudtrail-serverless-audit-check",
    ];

    /// <summary>Every accepted name: the contract's rules and every rule of the catalog.</summary>
    public static IEnumerable<string> Names => Rules.Union(RuleCatalog.All.Select(rule => rule.Definition.Id), StringComparer.Ordinal);
}
