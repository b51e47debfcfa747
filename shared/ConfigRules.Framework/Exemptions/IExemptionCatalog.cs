using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Exemptions;

/// <summary>What the rule catalog says about a rule id named in an exemption.</summary>
public enum ExemptionRuleStatus
{
    Unknown,
    Exemptible,
    NotExemptible,
}

/// <summary>
/// The rule catalog as the exemptions document needs it. The framework does not know the rules; the host
/// (rule functions, hook, CLI) answers from its catalog.
/// </summary>
public interface IExemptionCatalog
{
    ExemptionRuleStatus StatusOf(string ruleId);

    /// <summary>Every rule id an entry may name, for the "expected one of" part of a message.</summary>
    IReadOnlyList<string> ExemptibleRuleIds { get; }
}

/// <summary>A catalog from a fixed list of rule ids and whether each may be exempted.</summary>
public sealed class ExemptionCatalog : IExemptionCatalog
{
    private readonly Dictionary<string, bool> exemptible;

    public ExemptionCatalog(IEnumerable<KeyValuePair<string, bool>> ruleIdToExemptible)
    {
        exemptible = new Dictionary<string, bool>(ruleIdToExemptible, StringComparer.Ordinal);
        ExemptibleRuleIds = [.. exemptible.Where(r => r.Value).Select(r => r.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The catalog of these rule definitions, honouring each one's <see cref="RuleDefinition.Exemptible"/>.</summary>
    public static ExemptionCatalog FromDefinitions(IEnumerable<RuleDefinition> definitions) =>
        new(definitions.Select(d => new KeyValuePair<string, bool>(d.Id, d.Exemptible)));

    public IReadOnlyList<string> ExemptibleRuleIds { get; }

    public ExemptionRuleStatus StatusOf(string ruleId) => exemptible.TryGetValue(ruleId, out var canBeExempted)
        ? canBeExempted ? ExemptionRuleStatus.Exemptible : ExemptionRuleStatus.NotExemptible
        : ExemptionRuleStatus.Unknown;
}
