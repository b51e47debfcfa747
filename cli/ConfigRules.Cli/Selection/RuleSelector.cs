using ConfigRules.Cli.CommandLine;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Selection;

/// <summary>
/// Chooses the rules and their parameters: every rule with its defaults, or a conformance pack's rules with its
/// InputParameters; then <c>--rule</c> narrows and <c>--param</c> overrides. Parameters are validated by each rule,
/// so a bad value fails here, before any input is read. Every problem is gathered into one message.
/// </summary>
public sealed class RuleSelector(IReadOnlyList<IConfigRule> available)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<SelectedRule> Select(CliOptions options, ConformancePack? pack)
    {
        _problems.Clear();
        // Rule id -> raw parameters, in catalog (or pack) order.
        var chosen = new List<(IConfigRule Rule, Dictionary<string, string> Raw)>();
        if (pack is null)
        {
            chosen.AddRange(available.Select(rule => (rule, new Dictionary<string, string>(StringComparer.Ordinal))));
        }
        else
        {
            foreach (var packRule in pack.Rules)
            {
                if (Find(packRule.RuleId, $"the pack {pack.File}") is { } rule)
                    chosen.Add((rule, new Dictionary<string, string>(packRule.Parameters, StringComparer.Ordinal)));
            }
        }

        if (options.RuleIds.Count > 0)
        {
            var picked = new List<(IConfigRule Rule, Dictionary<string, string> Raw)>();
            foreach (var id in options.RuleIds.Distinct(StringComparer.Ordinal))
            {
                if (Find(id, "--rule") is not { } rule) continue;
                var fromPack = chosen.FirstOrDefault(c => c.Rule.Definition.Id == id);
                picked.Add(fromPack.Rule is not null ? fromPack : (rule, new Dictionary<string, string>(StringComparer.Ordinal)));
            }
            chosen = picked;
        }

        foreach (var parameter in options.Parameters)
        {
            if (Find(parameter.RuleId, "--param") is null) continue;
            var target = chosen.FirstOrDefault(c => c.Rule.Definition.Id == parameter.RuleId);
            if (target.Rule is null)
            {
                _problems.Add($"--param {parameter.RuleId}.{parameter.Name}: the rule {parameter.RuleId} is not selected (selected: {string.Join(", ", chosen.Select(c => c.Rule.Definition.Id))}).");
                continue;
            }
            target.Raw[parameter.Name] = parameter.Value;
        }

        if (chosen.Count == 0 && _problems.Count == 0)
            _problems.Add(pack is null ? "No rules are available in this build." : $"The pack {pack.File} has no ConfigRules rules.");

        var selected = new List<SelectedRule>(chosen.Count);
        foreach (var (rule, raw) in chosen)
        {
            try
            {
                selected.Add(new SelectedRule(rule, rule.ParseParameters(raw), raw));
            }
            catch (InvalidParameterValueException ex)
            {
                _problems.Add(ex.Message);
            }
        }
        if (_problems.Count == 1) throw new UsageException(_problems[0]);
        if (_problems.Count > 1)
            throw new UsageException($"the rules cannot be chosen ({_problems.Count} problems):\n{string.Join('\n', _problems.Select(p => "  - " + p))}");
        return selected;
    }

    private IConfigRule? Find(string id, string where)
    {
        var rule = available.FirstOrDefault(candidate => string.Equals(candidate.Definition.Id, id, StringComparison.Ordinal));
        if (rule is null) _problems.Add($"Unknown rule '{id}' in {where}: known rules are {string.Join(", ", available.Select(r => r.Definition.Id))}.");
        return rule;
    }
}
