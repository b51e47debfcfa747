using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules;

/// <summary>
/// Every rule of the package, in one explicit list (no reflection, so Native AOT keeps them all). Docs,
/// conformance-pack parameters, IAM policies and the Lambda handler table all follow from this list.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IConfigRule> All { get; } =
    [
    ];

    public static IConfigRule? Find(string id) =>
        All.FirstOrDefault(rule => string.Equals(rule.Definition.Id, id, StringComparison.Ordinal));
}
