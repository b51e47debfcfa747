using ConfigRules.Framework.Rules;
using ConfigRules.Rules;

namespace ConfigRules.Templates;

/// <summary>One function of the deploy stack: a rule or one of the other handlers of the bootstrap.</summary>
/// <param name="Id">The handler id: the function's Handler setting and the suffix of its name.</param>
/// <param name="IamActions">The catalog-declared actions, scoped by <see cref="IamActionScopes"/>.</param>
public sealed record HandlerSpec(string Id, string Description, IReadOnlyList<string> IamActions, RuleDefinition? Rule)
{
    public string Logical(string suffix) => Naming.Logical(Id, suffix);

    public string FunctionNameTemplate => $"${{FunctionNamePrefix}}-{Id}";
}

public static class Handlers
{
    public static IReadOnlyList<HandlerSpec> Rules { get; } =
        [.. RuleCatalog.Definitions.Select(rule => new HandlerSpec(rule.Id, rule.Title, rule.RequiredIamActions, rule))];

    public static HandlerSpec ComplianceNotifier { get; } = new(Naming.ComplianceNotifier,
        "Turns Config Rules Compliance Change events into SNS violation notices", [], null);

    public static HandlerSpec EndpointRemediation { get; } = new(Naming.EndpointRemediation,
        "Sets a REST API's endpoint type back to PRIVATE", IamActionScopes.EndpointRemediationActions, null);

    public static HandlerSpec CloudFormationHook { get; } = new(Naming.CloudFormationHook,
        "Runs the rules on resources before CloudFormation creates or updates them", HookResources.IamActions, null);

    public static IReadOnlyList<HandlerSpec> All { get; } = [.. Rules, ComplianceNotifier, EndpointRemediation, CloudFormationHook];
}
