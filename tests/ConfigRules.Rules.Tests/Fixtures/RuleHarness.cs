using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>Runs a rule the way hosts do: parameters from strings, then the framework's per-item step.</summary>
public static class RuleHarness
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string> Params(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    /// <summary>The rule's declared lookups as an offline host (the CLI on recorded items) registers them.</summary>
    public static RuleServices OfflineServices(IConfigRule rule) =>
        RuleLookups.Offline([rule.Definition], OfflineSource.RecordedItems).Services;

    /// <summary>Evaluates through <see cref="ItemEvaluator"/> so annotation limits and applicability apply as in Lambda.</summary>
    public static Evaluation Evaluate(
        IConfigRule rule,
        ConfigurationItem item,
        IReadOnlyDictionary<string, string>? parameters = null,
        DateTimeOffset? now = null,
        RuleServices? services = null)
    {
        var parsed = rule.ParseParameters(parameters ?? new Dictionary<string, string>());
        var context = new RuleContext(now ?? DefaultNow, services ?? OfflineServices(rule));
        return ItemEvaluator.EvaluateAsync(rule, parsed, item, context, DefaultNow, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The rule's own verdict, before the framework fits the annotation (to check the rule writes short ones).</summary>
    public static Verdict Judge(
        IConfigRule rule,
        ConfigurationItem item,
        IReadOnlyDictionary<string, string>? parameters = null,
        DateTimeOffset? now = null,
        RuleServices? services = null)
    {
        var parsed = rule.ParseParameters(parameters ?? new Dictionary<string, string>());
        var context = new RuleContext(now ?? DefaultNow, services ?? OfflineServices(rule));
        return rule.EvaluateAsync(item, parsed, context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
