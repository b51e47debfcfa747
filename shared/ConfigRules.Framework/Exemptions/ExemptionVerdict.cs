using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Framework.Exemptions;

/// <summary>A rule's verdict after exemptions, and the exemption involved (for reporters: JSON, SARIF, the hook).</summary>
/// <param name="Verdict">The verdict to post.</param>
/// <param name="Match">The covering entry, in force or expired; null when none covers the resource.</param>
public readonly record struct ExemptionOutcome(Verdict Verdict, ExemptionMatch? Match)
{
    /// <summary>The entry that made the verdict NOT_APPLICABLE, or null.</summary>
    public ExemptionEntry? Applied => Match is { InForce: true } && Verdict.Compliance == ComplianceType.NotApplicable ? Match.Entry : null;

    public bool IsExempted => Applied is not null;
}

public static class ExemptionVerdict
{
    /// <summary>
    /// In force: NOT_APPLICABLE with the exemption's annotation, whatever the rule found. Expired: the rule's
    /// verdict stands, a NON_COMPLIANT one saying that the exemption expired. A rule's own NOT_APPLICABLE (nothing
    /// to judge: deleted, out of scope) also stands: there is nothing to exempt and its reason is the better note.
    /// </summary>
    public static ExemptionOutcome Apply(Verdict verdict, ExemptionMatch? match)
    {
        if (match is null || verdict.Compliance is not (ComplianceType.Compliant or ComplianceType.NonCompliant))
            return new ExemptionOutcome(verdict, null);
        if (match.InForce)
            return new ExemptionOutcome(Verdict.NotApplicable(ExemptionAnnotation.ForExemption(match.Entry)), match);
        return verdict.Compliance == ComplianceType.NonCompliant
            ? new ExemptionOutcome(Verdict.NonCompliant(ExemptionAnnotation.ForExpiredExemption(match.Entry, verdict.Annotation)), match)
            : new ExemptionOutcome(verdict, match);
    }

    /// <summary>Finds the covering entry in <paramref name="document"/> and applies it.</summary>
    public static ExemptionOutcome Apply(Verdict verdict, ExemptionDocument document, string ruleId, string resourceId, string? accountId, DateTimeOffset now) =>
        Apply(verdict, document.Find(ruleId, resourceId, accountId, now));
}
