using ConfigRules.Aws.Config;
using ConfigRules.Handlers.EndpointRemediation;

namespace ConfigRules.Handlers.Aws;

/// <summary>The fast path's StartConfigRulesEvaluation over the shared Config client.</summary>
public sealed class ConfigServiceEvaluationStarter(ConfigServiceClient client) : IConfigRuleEvaluationStarter
{
    public Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> configRuleNames, CancellationToken cancellationToken) =>
        client.StartConfigRulesEvaluationAsync(configRuleNames, cancellationToken);
}
