using ConfigRules.Rules;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>The handler names the contract (section 2) says the one bootstrap serves.</summary>
internal static class ExpectedHandlers
{
    /// <summary>Every rule of the catalog is a handler named by its id.</summary>
    public static IEnumerable<string> Names => RuleCatalog.All.Select(rule => rule.Definition.Id);
}
