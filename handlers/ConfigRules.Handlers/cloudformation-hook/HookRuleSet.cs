using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>A rule the hook runs, with its parameters validated once at init.</summary>
public sealed record HookRule(IConfigRule Rule, object Parameters)
{
    public RuleDefinition Definition => Rule.Definition;
}

/// <summary>
/// The rules the hook runs: <c>CONFIGRULES_RULES</c>, a JSON object from rule id to its parameters (string values,
/// as a Config rule's InputParameters); unset, every rule of the catalog with its defaults. The deploy stack builds
/// it from the same pack parameters as the Config rules, so one parameter change moves both.
/// </summary>
public sealed class HookRuleSet
{
    public const string Variable = "CONFIGRULES_RULES";

    private HookRuleSet(IReadOnlyList<HookRule> rules) => Rules = rules;

    public IReadOnlyList<HookRule> Rules { get; }

    /// <summary>Whether any selected rule judges template resources of this type (a trail, for the account rule, too).</summary>
    public bool Covers(string resourceType) => Rules.Any(rule => rule.Definition.CoversInTemplate(resourceType));

    public IEnumerable<RuleDefinition> Definitions => Rules.Select(rule => rule.Definition);

    /// <exception cref="HandlerConfigurationException">Not a JSON object of objects, an unknown rule or an invalid parameter.</exception>
    public static HookRuleSet FromEnvironment(Func<string, string?> environment, IReadOnlyList<IConfigRule> catalog)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(catalog);
        var value = environment(Variable);
        if (string.IsNullOrWhiteSpace(value))
            return new HookRuleSet([.. catalog.Select(rule => Select(rule, new Dictionary<string, string>(StringComparer.Ordinal)))]);

        Dictionary<string, Dictionary<string, string>>? selection;
        try
        {
            selection = JsonSerializer.Deserialize(value, HookJsonContext.Default.DictionaryStringDictionaryStringString);
        }
        catch (JsonException ex)
        {
            throw new HandlerConfigurationException(
                $"{Variable} is not a JSON object from rule id to its parameters (string values), e.g. {{\"lambda-timeout-check\": {{\"maxTimeout\": \"60\"}}}}: {ex.Message}");
        }
        if (selection is null || selection.Count == 0)
            throw new HandlerConfigurationException($"{Variable} names no rule: give at least one rule id, or unset it to run every rule.");

        var rules = new List<HookRule>(selection.Count);
        foreach (var (ruleId, parameters) in selection)
        {
            var rule = catalog.FirstOrDefault(r => string.Equals(r.Definition.Id, ruleId, StringComparison.Ordinal))
                ?? throw new HandlerConfigurationException(
                    $"{Variable} names the unknown rule '{ruleId}': known rules are {string.Join(", ", catalog.Select(r => r.Definition.Id))}.");
            rules.Add(Select(rule, parameters ?? new Dictionary<string, string>(StringComparer.Ordinal)));
        }
        return new HookRuleSet(rules);
    }

    private static HookRule Select(IConfigRule rule, IReadOnlyDictionary<string, string> raw)
    {
        try
        {
            return new HookRule(rule, rule.ParseParameters(raw));
        }
        catch (ConfigRulesException ex)
        {
            throw new HandlerConfigurationException($"{Variable}: the parameters of {rule.Definition.Id} are not valid: {ex.Message}");
        }
    }
}
