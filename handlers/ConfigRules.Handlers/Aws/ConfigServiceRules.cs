using ConfigRules.Aws.Config;
using ConfigRules.Handlers.EndpointRemediation;

namespace ConfigRules.Handlers.Aws;

/// <summary>The fast path's DescribeConfigRules and StartConfigRulesEvaluation over the shared Config client.</summary>
public sealed class ConfigServiceRules(ConfigServiceClient client) : IConfigRulesApi
{
    public Task<IReadOnlyList<string>> DescribeConfigRuleNamesAsync(CancellationToken cancellationToken) =>
        client.DescribeConfigRuleNamesAsync(cancellationToken);

    public Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> configRuleNames, CancellationToken cancellationToken) =>
        client.StartConfigRulesEvaluationAsync(configRuleNames, cancellationToken);
}
