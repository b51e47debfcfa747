using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Rules;

/// <summary>A rule's judgement of one item; the framework turns it into an evaluation.</summary>
public readonly record struct Verdict(ComplianceType Compliance, string? Annotation)
{
    public static Verdict Compliant(string? note = null) => new(ComplianceType.Compliant, note);

    /// <summary>A finding: the annotation says what was found, what is allowed and how to fix it.</summary>
    public static Verdict NonCompliant(string annotation) => new(ComplianceType.NonCompliant, annotation);

    /// <summary>Nothing to judge; the reason becomes the annotation.</summary>
    public static Verdict NotApplicable(string? reason = null) => new(ComplianceType.NotApplicable, reason);
}
