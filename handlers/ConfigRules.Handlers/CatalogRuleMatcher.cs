using ConfigRules.Framework.Rules;
using ConfigRules.Rules;

namespace ConfigRules.Handlers;

/// <summary>
/// Finds which of our rules a deployed Config rule is. Deployed names are not always the catalog id:
/// conformance packs and stacks add prefixes and suffixes ("serverless-governance-lambda-timeout-check-abc123",
/// "lambda-timeout-check-conformance-pack-xyz"). A catalog id counts when it appears as whole dash-separated
/// words; the longest such id wins, so a longer id is never mistaken for a shorter one it contains.
/// The notifier uses it to name a rule's severity; the endpoint fast path to find the endpoint rule's deployed names.
/// </summary>
public sealed class CatalogRuleMatcher(IReadOnlyList<RuleDefinition> definitions)
{
    public static CatalogRuleMatcher Default { get; } = new(RuleCatalog.Definitions);

    public RuleDefinition? Match(string configRuleName)
    {
        RuleDefinition? best = null;
        foreach (var definition in definitions)
        {
            if (best is not null && definition.Id.Length <= best.Id.Length) continue;
            if (ContainsAsWords(configRuleName, definition.Id)) best = definition;
        }
        return best;
    }

    /// <summary>The catalog rule with this id, or null.</summary>
    public RuleDefinition? Find(string ruleId) =>
        definitions.FirstOrDefault(d => string.Equals(d.Id, ruleId, StringComparison.Ordinal));

    /// <summary>Whether the deployed Config rule is a deployment of the catalog rule <paramref name="ruleId"/> (by <see cref="Match"/>).</summary>
    public bool IsDeploymentOf(string configRuleName, string ruleId) =>
        string.Equals(Match(configRuleName)?.Id, ruleId, StringComparison.Ordinal);

    /// <summary>Severity spelled for message attributes and filter policies: low, medium, high, critical or unknown.</summary>
    public static string SeverityName(RuleDefinition? definition) =>
        definition is null ? "unknown" : definition.Severity.ToName();

    private static bool ContainsAsWords(string name, string id)
    {
        for (var start = name.IndexOf(id, StringComparison.OrdinalIgnoreCase);
             start >= 0;
             start = name.IndexOf(id, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = start + id.Length;
            if ((start == 0 || IsSeparator(name[start - 1])) && (end == name.Length || IsSeparator(name[end])))
                return true;
        }
        return false;
    }

    // Config rule names allow letters, digits, '-' and '_'; deploy tools join words with either.
    private static bool IsSeparator(char c) => c is '-' or '_' or '/' or '.' or ':';
}
