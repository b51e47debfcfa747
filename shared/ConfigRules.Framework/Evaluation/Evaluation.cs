using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Evaluation;

/// <summary>One result as PutEvaluations takes it. The annotation is already within Config's limits.</summary>
public sealed record Evaluation(
    string ComplianceResourceType,
    string ComplianceResourceId,
    ComplianceType ComplianceType,
    string? Annotation,
    DateTimeOffset OrderingTimestamp)
{
    /// <summary>
    /// The exemption entry covering the resource, for reporters (the CLI's JSON and SARIF, the hook): in force, the
    /// evaluation is the exemption's NOT_APPLICABLE; expired, the rule's verdict stands and a NON_COMPLIANT annotation
    /// says so. Null when no entry covers it (or the rule's own NOT_APPLICABLE left nothing to exempt).
    /// </summary>
    public ExemptionMatch? Exemption { get; init; }

    /// <summary>The entry that made this evaluation NOT_APPLICABLE, or null.</summary>
    public ExemptionEntry? AppliedExemption =>
        Exemption is { InForce: true } && ComplianceType == ComplianceType.NotApplicable ? Exemption.Entry : null;
}
