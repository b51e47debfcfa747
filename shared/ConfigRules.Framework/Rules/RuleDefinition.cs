namespace ConfigRules.Framework.Rules;

/// <summary>When Config runs a rule.</summary>
[Flags]
public enum RuleTriggers
{
    None = 0,
    /// <summary>On configuration changes (and oversized change notifications) of the rule's resource types.</summary>
    ConfigurationChanges = 1,
    /// <summary>On a schedule, enumerating every recorded resource of the rule's types.</summary>
    Periodic = 2,
    Both = ConfigurationChanges | Periodic,
}

public enum Severity { Low, Medium, High, Critical }

/// <summary>
/// Everything about a rule that is data, not code: docs, conformance-pack parameters and IAM policies are
/// derived from it, and tests fail when they drift from it.
/// </summary>
public sealed record RuleDefinition
{
    /// <summary>The rule id: also its <c>_HANDLER</c>, folder name and Config rule name.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>What the rule checks and why it matters, one or two sentences.</summary>
    public required string Description { get; init; }
    public required IReadOnlyList<string> ResourceTypes { get; init; }
    public RuleTriggers Triggers { get; init; } = RuleTriggers.Both;
    /// <summary>Config's <c>MaximumExecutionFrequency</c> for the periodic trigger.</summary>
    public string MaximumExecutionFrequency { get; init; } = "TwentyFour_Hours";
    public required IReadOnlyList<ParameterDefinition> Parameters { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>
    /// The named groups of rules the rule belongs to, such as the conformance packs of a deployment
    /// (<c>serverless-security</c>); a pack holding every rule needs no entry. Hosts build each group from these
    /// declarations and refuse a name they do not know.
    /// </summary>
    public IReadOnlyList<string> Packs { get; init; } = [];
    /// <summary>IAM actions the rule calls itself, beyond the framework's and its lookups' (usually none).</summary>
    public IReadOnlyList<string> IamActions { get; init; } = [];
    /// <summary>One line on how to fix a finding, for notices and reports.</summary>
    public required string Remediation { get; init; }
    /// <summary>
    /// Whether the exemptions document may name this rule (docs/exemptions.md). False for findings that are
    /// breaches rather than trade-offs, such as a function open to the public.
    /// </summary>
    public bool Exemptible { get; init; } = true;
    /// <summary>The services the rule reads besides the item, each with its live and offline implementation.</summary>
    public IReadOnlyList<RuleLookup> Lookups { get; init; } = [];
    /// <summary>
    /// The configuration fields the rule judges and the CloudFormation property each comes from: a template field
    /// known only after deployment makes the rule NOT_APPLICABLE with a note instead of a verdict on a guess.
    /// </summary>
    public IReadOnlyList<TemplateInput> TemplateInputs { get; init; } = [];
    /// <summary>
    /// Resource types the rule judges in templates (check-template, the deployment hook) besides
    /// <see cref="ResourceTypes"/>: an account rule cannot judge an account before deployment, but it can judge each
    /// resource of the template that decides it (cloudtrail-serverless-audit-check judges each AWS::CloudTrail::Trail).
    /// </summary>
    public IReadOnlyList<string> TemplateResourceTypes { get; init; } = [];

    /// <summary>Every IAM action the rule's function needs: the framework's, the rule's own and its lookups'.</summary>
    public IReadOnlyList<string> RequiredIamActions =>
        [.. FrameworkIamActions.ForRules.Concat(IamActions).Concat(Lookups.SelectMany(lookup => lookup.IamActions))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The resource types the rule reads besides its own (through its lookups), e.g. <c>AWS::IAM::Role</c>.</summary>
    public IReadOnlyList<string> RelatedResourceTypes =>
        [.. Lookups.SelectMany(lookup => lookup.RelatedResourceTypes).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether the rule judges items of this type (the one place that decides scope).</summary>
    public bool Covers(string resourceType) => Holds(ResourceTypes, resourceType);

    /// <summary>Whether the rule judges template resources of this type: its own types and its <see cref="TemplateResourceTypes"/>.</summary>
    public bool CoversInTemplate(string resourceType) => Covers(resourceType) || Holds(TemplateResourceTypes, resourceType);

    // Asked for every rule and item a host reads (a million times in a large snapshot): a loop, no enumerator.
    private static bool Holds(IReadOnlyList<string> types, string resourceType)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (string.Equals(types[i], resourceType, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    public ParameterDefinition? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>A configuration field a rule judges and the CloudFormation property (path) it is mapped from.</summary>
/// <param name="ConfigurationField">The field of the configuration item, e.g. <c>timeout</c> or <c>endpointConfiguration.types</c>.</param>
/// <param name="Property">The CloudFormation property it comes from, e.g. <c>Timeout</c>.</param>
public sealed record TemplateInput(string ConfigurationField, string Property);

/// <summary>The Config API actions the pipeline itself calls for every rule.</summary>
public static class FrameworkIamActions
{
    public static readonly IReadOnlyList<string> ForRules =
    [
        "config:BatchGetResourceConfig",
        "config:GetComplianceDetailsByConfigRule",
        "config:GetResourceConfigHistory",
        "config:ListDiscoveredResources",
        "config:PutEvaluations",
    ];
}
