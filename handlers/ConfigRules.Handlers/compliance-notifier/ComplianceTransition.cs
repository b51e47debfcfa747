using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>What a change means to a subscriber.</summary>
public enum NoticeKind
{
    /// <summary>Nothing to tell: the result did not cross the NON_COMPLIANT line.</summary>
    None,
    /// <summary>The result moved into NON_COMPLIANT (a first result included).</summary>
    Violation,
    /// <summary>The result moved out of NON_COMPLIANT.</summary>
    Resolution,
    /// <summary>
    /// The result moved from NON_COMPLIANT to NOT_APPLICABLE because an exemption now covers the resource: the
    /// finding is accepted for a time, not fixed, so it must not read as resolved.
    /// </summary>
    Exemption,
}

public static class ComplianceTransition
{
    /// <summary>
    /// Only crossings of the NON_COMPLIANT line are news. A NON_COMPLIANT result that stays NON_COMPLIANT with a
    /// new annotation (a periodic run, a second change) would otherwise notify again and again.
    /// </summary>
    public static NoticeKind Classify(ComplianceType? oldType, ComplianceType newType, string? annotation)
    {
        var kind = Classify(oldType, newType);
        return kind == NoticeKind.Resolution && newType == ComplianceType.NotApplicable && ExemptionAnnotation.TryParse(annotation, out _)
            ? NoticeKind.Exemption
            : kind;
    }

    /// <summary>Which side of the NON_COMPLIANT line a change crossed, whatever the reason.</summary>
    public static NoticeKind Classify(ComplianceType? oldType, ComplianceType newType)
    {
        var wasNonCompliant = oldType == ComplianceType.NonCompliant;
        var isNonCompliant = newType == ComplianceType.NonCompliant;
        if (isNonCompliant && !wasNonCompliant) return NoticeKind.Violation;
        if (wasNonCompliant && !isNonCompliant) return NoticeKind.Resolution;
        return NoticeKind.None;
    }

    /// <summary>The word that starts the subject and names the notice in the JSON document.</summary>
    public static string Label(this NoticeKind kind) => kind switch
    {
        NoticeKind.Violation => ComplianceTypeNames.NonCompliant,
        NoticeKind.Resolution => "RESOLVED",
        NoticeKind.Exemption => "EXEMPTED",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only violations, resolutions and exemptions are announced."),
    };
}
