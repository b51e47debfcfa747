using ConfigRules.Rules;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// Carries the rule parameters from a stack to the conformance pack it deploys: the stack repeats each pack
/// parameter (same name, same default) and ConformancePackInputParameters passes every one on. An empty
/// value is a valid input (Config accepts values of 0 to 4096 characters) and the pack's own conditions
/// then leave the optional parameter out of the rule's InputParameters.
/// </summary>
public static class PackWiring
{
    public static void AddRuleParameters(YamlMap parameters, bool withRemediation)
    {
        foreach (var rule in RuleCatalog.Definitions)
        {
            foreach (var parameter in rule.Parameters)
                parameters.Add(Naming.PackParameter(rule, parameter),
                    PackBuilder.StringParameter(parameter.Default ?? "", $"Passed to the pack: {parameter.Description}"));
        }
        if (withRemediation)
        {
            parameters.Add(EndpointRemediation.VpcEndpointIdsParameter, PackBuilder.StringParameter("",
                "Passed to the pack: VPC endpoint ids (comma-separated) to attach to remediated APIs. Empty: only APIs whose resource policy already admits a VPC or VPC endpoint are made private; the others are left unchanged."));
            parameters.Add(EndpointRemediation.MaximumAttemptsParameter, PackBuilder.StringParameter("5", "Passed to the pack: remediation attempts per API (1 to 25)."));
            parameters.Add(EndpointRemediation.RetrySecondsParameter, PackBuilder.StringParameter("60", "Passed to the pack: seconds in which the attempts are counted."));
        }
    }

    public static IEnumerable<YamlNode> RuleParameterInputs(bool withRemediation)
    {
        foreach (var rule in RuleCatalog.Definitions)
        {
            foreach (var parameter in rule.Parameters)
                yield return Input(Naming.PackParameter(rule, parameter), Cfn.Ref(Naming.PackParameter(rule, parameter)));
        }
        if (!withRemediation) yield break;
        foreach (var name in new[] { EndpointRemediation.VpcEndpointIdsParameter, EndpointRemediation.MaximumAttemptsParameter, EndpointRemediation.RetrySecondsParameter })
            yield return Input(name, Cfn.Ref(name));
    }

    public static YamlMap Input(string name, YamlNode value) =>
        new YamlMap().Add("ParameterName", name).Add("ParameterValue", value);
}
