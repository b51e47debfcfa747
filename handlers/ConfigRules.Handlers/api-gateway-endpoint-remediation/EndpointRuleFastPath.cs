namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>The two Config calls of the fast path; implemented over the shared Config client.</summary>
public interface IConfigRulesApi
{
    /// <summary>The names of the account's Config rules in this region (every page; rules being deleted left out).</summary>
    Task<IReadOnlyList<string>> DescribeConfigRuleNamesAsync(CancellationToken cancellationToken);

    /// <summary>StartConfigRulesEvaluation: at most 25 rule names a call.</summary>
    Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> configRuleNames, CancellationToken cancellationToken);
}

/// <summary>
/// The fast path: after an API Gateway management call that may change an endpoint type, ask Config to re-evaluate
/// the endpoint rule at once. The function knows the rule by its catalog id (<see cref="RuleIdVariable"/>) only:
/// conformance packs name their rules "&lt;id&gt;-conformance-pack-&lt;random&gt;" (organization packs add more), so
/// the deployed names are looked up with DescribeConfigRules and matched like the notifier matches them.
/// </summary>
public sealed class EndpointRuleFastPath
{
    public const string RuleIdVariable = "ENDPOINT_RULE_NAME";
    /// <summary>StartConfigRulesEvaluation takes at most 25 rule names a call.</summary>
    public const int MaxRulesPerCall = 25;

    private readonly IConfigRulesApi _config;
    private readonly CatalogRuleMatcher _matcher;

    private EndpointRuleFastPath(IConfigRulesApi config, string ruleId, CatalogRuleMatcher matcher)
    {
        _config = config;
        RuleId = ruleId;
        _matcher = matcher;
    }

    /// <summary>The catalog id of the rule to re-evaluate.</summary>
    public string RuleId { get; }

    /// <summary>
    /// The fast path for the configured rule id; unset, empty or not a catalog id is a configuration error (reported at
    /// init, so a broken deployment shows before the first API change).
    /// </summary>
    public static EndpointRuleFastPath Create(string? configuredRuleId, IConfigRulesApi config, CatalogRuleMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(matcher);
        var ruleId = configuredRuleId?.Trim();
        if (string.IsNullOrEmpty(ruleId))
            throw new HandlerConfigurationException(
                $"{RuleIdVariable} is {(configuredRuleId is null ? "not set" : "empty")}: the fast path needs the catalog id of the endpoint rule (api-gateway-endpoint-type-check); its deployed names are looked up with DescribeConfigRules.");
        if (matcher.Find(ruleId) is null)
            throw new HandlerConfigurationException(
                $"{RuleIdVariable} is '{ruleId}', which is not a rule id of this package: expected the catalog id of the endpoint rule (api-gateway-endpoint-type-check), not a deployed name such as api-gateway-endpoint-type-check-conformance-pack-abc123.");
        return new EndpointRuleFastPath(config, ruleId, matcher);
    }

    public async Task<FastPathResult> ReEvaluateAsync(ApiGatewayCallEvent call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.MayChangeEndpoint)
        {
            return new FastPathResult
            {
                Outcome = "ignored",
                EventName = call.EventName,
                RestApiId = call.RestApiId,
                EndpointRule = RuleId,
                Message = call.ErrorCode is not null
                    ? $"{call.EventName} failed ({call.ErrorCode}): nothing changed, nothing to re-evaluate."
                    : $"{call.EventName} does not create or reconfigure a REST API: expected one of {string.Join(", ", ApiGatewayCallEvent.EndpointChangingCalls)}.",
            };
        }

        var deployed = await _config.DescribeConfigRuleNamesAsync(cancellationToken);
        var rules = deployed.Where(name => _matcher.IsDeploymentOf(name, RuleId)).Distinct(StringComparer.Ordinal).ToList();
        if (rules.Count == 0) throw new EndpointRuleNotDeployedException(RuleIdVariable, RuleId, deployed);

        foreach (var batch in rules.Chunk(MaxRulesPerCall))
            await _config.StartConfigRulesEvaluationAsync(batch, cancellationToken);
        return new FastPathResult
        {
            Outcome = FastPathResult.EvaluationStarted,
            EventName = call.EventName,
            RestApiId = call.RestApiId,
            EndpointRule = RuleId,
            ConfigRuleNames = rules,
            Message = $"{call.EventName} on {call.RestApiId ?? "a REST API"}: asked AWS Config to re-evaluate {rules.Count} deployment(s) of {RuleId}: {string.Join(", ", rules)}.",
        };
    }
}
