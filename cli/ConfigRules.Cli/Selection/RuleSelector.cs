using ConfigRules.Cli.CommandLine;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Selection;

/// <summary>
/// Chooses the rules and their parameters: every rule with its defaults, or a conformance pack's rules with its
/// InputParameters; then <c>--rule</c> narrows and <c>--param</c> overrides. Parameters are validated by each rule,
/// so a bad value fails here, before any input is read.
/// </summary>
public sealed class RuleSelector(IReadOnlyList<IConfigRule> available)
{
    public IReadOnlyList<SelectedRule> Select(CliOptions options, ConformancePack? pack)
    {
        // Rule id -> raw parameters, in catalog (or pack) order.
        var chosen = new List<(IConfigRule Rule, Dictionary<string, string> Raw)>();
        if (pack is null)
        {
            chosen.AddRange(available.Select(rule => (rule, new Dictionary<string, string>(StringComparer.Ordinal))));
        }
        else
        {
            foreach (var packRule in pack.Rules)
                chosen.Add((Find(packRule.RuleId, $"the pack {pack.File}"), new Dictionary<string, string>(packRule.Parameters, StringComparer.Ordinal)));
        }

        if (options.RuleIds.Count > 0)
        {
            var picked = new List<(IConfigRule Rule, Dictionary<string, string> Raw)>();
            foreach (var id in options.RuleIds.Distinct(StringComparer.Ordinal))
            {
                var rule = Find(id, "--rule");
                var fromPack = chosen.FirstOrDefault(c => c.Rule.Definition.Id == id);
                picked.Add(fromPack.Rule is not null ? fromPack : (rule, new Dictionary<string, string>(StringComparer.Ordinal)));
            }
            chosen = picked;
        }

        foreach (var parameter in options.Parameters)
        {
            Find(parameter.RuleId, "--param");
            var target = chosen.FirstOrDefault(c => c.Rule.Definition.Id == parameter.RuleId);
            if (target.Rule is null)
                throw new UsageException($"--param {parameter.RuleId}.{parameter.Name}: the rule {parameter.RuleId} is not selected (selected: {string.Join(", ", chosen.Select(c => c.Rule.Definition.Id))}).");
            target.Raw[parameter.Name] = parameter.Value;
        }

        if (chosen.Count == 0)
            throw new UsageException(pack is null ? "No rules are available in this build." : $"The pack {pack.File} has no ConfigRules rules.");

        var selected = new List<SelectedRule>(chosen.Count);
        foreach (var (rule, raw) in chosen)
        {
            try
            {
                selected.Add(new SelectedRule(rule, rule.ParseParameters(raw), raw));
            }
            catch (InvalidParameterValueException ex)
            {
                throw new UsageException(ex.Message);
            }
        }
        return selected;
    }

    private IConfigRule Find(string id, string where) =>
        available.FirstOrDefault(rule => string.Equals(rule.Definition.Id, id, StringComparison.Ordinal))
        ?? throw new UsageException($"Unknown rule '{id}' in {where}: known rules are {string.Join(", ", available.Select(r => r.Definition.Id))}.");
}
