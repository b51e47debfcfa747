using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Evaluation;

/// <summary>
/// The per-item step shared by Lambda and the CLI: applicability (deleted, not recorded, wrong type), the
/// rule's verdict, the annotation limits and the exemptions. Does no I/O beyond what the rule's own lookups do.
/// </summary>
public static class ItemEvaluator
{
    public static ValueTask<Evaluation> EvaluateAsync(
        IConfigRule rule,
        object parameters,
        ConfigurationItem item,
        RuleContext context,
        DateTimeOffset orderingTimestamp,
        CancellationToken cancellationToken) =>
        EvaluateAsync(rule, parameters, item, context, orderingTimestamp, ExemptionDocument.None, cancellationToken);

    /// <summary>
    /// The rule's evaluation of <paramref name="item"/> with the governance team's exemptions applied (an exemptible
    /// rule only): the one path the rule functions, the hook and the CLI share, so that one document means the same
    /// everywhere. The item's account (null when unknown, e.g. a template) decides account-scoped entries.
    /// </summary>
    public static async ValueTask<Evaluation> EvaluateAsync(
        IConfigRule rule,
        object parameters,
        ConfigurationItem item,
        RuleContext context,
        DateTimeOffset orderingTimestamp,
        ExemptionDocument exemptions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exemptions);
        var verdict = Applicability(rule.Definition, item) ?? await JudgeAsync(rule, parameters, item, context, cancellationToken).ConfigureAwait(false);
        var evaluation = ToEvaluation(rule.Definition, item.ResourceType, item.ResourceId, verdict, orderingTimestamp);
        return ApplyExemptions(rule.Definition, evaluation, item.AwsAccountId, exemptions, context.Now);
    }

    /// <summary>
    /// <see cref="ExemptionVerdict.Apply(Verdict, ExemptionDocument, string, string, string?, DateTimeOffset)"/> on an
    /// evaluation already within Config's limits (so an expired exemption's note precedes the rule's final annotation).
    /// A rule the catalog marks not exemptible is returned as it is: no document can change its verdict.
    /// </summary>
    public static Evaluation ApplyExemptions(RuleDefinition definition, Evaluation evaluation, string? accountId, ExemptionDocument exemptions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(exemptions);
        if (!definition.Exemptible || exemptions.Entries.Count == 0) return evaluation;
        var outcome = ExemptionVerdict.Apply(new Verdict(evaluation.ComplianceType, evaluation.Annotation), exemptions,
            definition.Id, evaluation.ComplianceResourceId, accountId, now);
        if (outcome.Match is null) return evaluation;
        return evaluation with { ComplianceType = outcome.Verdict.Compliance, Annotation = Annotation.Fit(outcome.Verdict.Annotation), Exemption = outcome.Match };
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
        // A type the rule judges only in templates (a trail, for the account rule) comes only from template hosts:
        // Config scopes the rule to its own types and never sends one.
        if (!definition.CoversInTemplate(item.ResourceType))
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
