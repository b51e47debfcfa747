using ConfigRules.Framework.Events;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>The REST API named by the remediation does not exist (any more) in this account and region.</summary>
public sealed class RestApiNotFoundException(string restApiId, Exception? inner = null)
    : ConfigRulesException("RestApiNotFoundException",
        $"REST API '{restApiId}' was not found in this account and region: it may have been deleted since Config evaluated it, or RestApiId names another account's or region's API.",
        inner)
{
    public string RestApiId { get; } = restApiId;
}

/// <summary>
/// The API cannot be made PRIVATE without breaking it or guessing: the message says why and what would make
/// the change safe. The API is left exactly as it was.
/// </summary>
public sealed class UnsafeRemediationException(string message)
    : ConfigRulesException("UnsafeRemediationException", message);

/// <summary>
/// No Config rule of this account and region is a deployment of the endpoint rule, so the fast path has nothing to
/// re-evaluate. The function is deployed without the pack that holds the rule (or the variable names another rule):
/// a configuration mistake, reported as a failed invocation so that it shows in the function's Errors alarm.
/// </summary>
public sealed class EndpointRuleNotDeployedException(string variable, string ruleId, IReadOnlyList<string> deployedRules)
    : ConfigRulesException("EndpointRuleNotDeployedException", Describe(variable, ruleId, deployedRules))
{
    private const int NamesShown = 10;

    public IReadOnlyList<string> DeployedRules { get; } = deployedRules;

    private static string Describe(string variable, string ruleId, IReadOnlyList<string> deployed)
    {
        var found = deployed.Count == 0
            ? "DescribeConfigRules listed no rules at all"
            : $"DescribeConfigRules listed {deployed.Count} rule(s), none of them it: {string.Join(", ", deployed.Take(NamesShown))}{(deployed.Count > NamesShown ? ", ..." : string.Empty)}";
        return $"No AWS Config rule in this account and region is a deployment of {variable} '{ruleId}' (a name holding it as whole words, such as {ruleId}-conformance-pack-abc123): "
            + $"{found}. Deploy a conformance pack with the rule (api-gateway-private-endpoints or serverless-governance) or correct {variable}. Nothing was re-evaluated.";
    }
}
