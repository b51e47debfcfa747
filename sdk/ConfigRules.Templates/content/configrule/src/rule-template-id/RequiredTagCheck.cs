using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace TemplateNamespace;

/// <summary>The rule's parameters, parsed once per invocation.</summary>
public sealed record RequiredTagCheckParameters(string TagKey);

/// <summary>NON_COMPLIANT when the function lacks the tag named by tagKey; COMPLIANT otherwise.</summary>
public sealed class RequiredTagCheck : ConfigRule<RequiredTagCheckParameters>
{
    public override RuleDefinition Definition => RequiredTagCheckDefinition.Value;

    protected override RequiredTagCheckParameters ReadParameters(ParameterReader reader) =>
        // tagKey has a default, so the reader only returns null after it has recorded a problem.
        new(reader.GetString("tagKey") ?? string.Empty);

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, RequiredTagCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        var verdict = item.Tags.ContainsKey(parameters.TagKey)
            ? Verdict.Compliant($"The function has the tag '{parameters.TagKey}'.")
            : Verdict.NonCompliant($"The function has no '{parameters.TagKey}' tag; add one naming who answers for it.");
        return ValueTask.FromResult(verdict);
    }
}
