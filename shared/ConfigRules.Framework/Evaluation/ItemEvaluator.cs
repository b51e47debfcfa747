using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Evaluation;

/// <summary>
/// The per-item step shared by Lambda and the CLI: applicability (deleted, not recorded, wrong type), the
/// rule's verdict, and the annotation limits. Does no I/O beyond what the rule's own lookups do.
/// </summary>
public static class ItemEvaluator
{
    public static async ValueTask<Evaluation> EvaluateAsync(
        IConfigRule rule,
        object parameters,
        ConfigurationItem item,
        RuleContext context,
        DateTimeOffset orderingTimestamp,
        CancellationToken cancellationToken)
    {
        var verdict = Applicability(rule.Definition, item) ?? await JudgeAsync(rule, parameters, item, context, cancellationToken).ConfigureAwait(false);
        return ToEvaluation(rule.Definition, item.ResourceType, item.ResourceId, verdict, orderingTimestamp);
    }

    private static async ValueTask<Verdict> JudgeAsync(IConfigRule rule, object parameters, ConfigurationItem item, RuleContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await rule.EvaluateAsync(item, parameters, context, cancellationToken).ConfigureAwait(false);
        }
        catch (NotInInputException ex)
        {
            // Offline, a related resource missing from the input is unknown, never "does not exist".
            return Verdict.NotApplicable(ex.Message);
        }
    }

    /// <summary>A NOT_APPLICABLE verdict when the rule has nothing to judge, else null.</summary>
    public static Verdict? Applicability(RuleDefinition definition, ConfigurationItem item)
    {
        if (item.IsDeletedOrNotRecorded)
            return Verdict.NotApplicable($"The resource's configuration item status is {item.Status}.");
        if (!definition.Covers(item.ResourceType))
            return Verdict.NotApplicable($"{definition.Id} evaluates {string.Join(", ", definition.ResourceTypes)}, not {item.ResourceType}.");
        if (!item.HasConfiguration)
            return Verdict.NotApplicable("The configuration item has no configuration to evaluate.");
        return null;
    }

    public static Evaluation ToEvaluation(RuleDefinition definition, string resourceType, string resourceId, Verdict verdict, DateTimeOffset orderingTimestamp)
    {
        var annotation = Annotation.Fit(verdict.Annotation);
        if (verdict.Compliance == Model.ComplianceType.NonCompliant && annotation is null)
        {
            // A finding without an explanation helps nobody; say at least which rule and where to read about it.
            annotation = Annotation.Fit($"{resourceType} {resourceId} does not comply with {definition.Id}: {definition.Remediation}");
        }
        return new Evaluation(resourceType, resourceId, verdict.Compliance, annotation, orderingTimestamp);
    }
}
