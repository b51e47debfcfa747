using System.Text;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// The response a developer reads in the CloudFormation console: FAILED names each NON_COMPLIANT resource (logical
/// id and template line), rule, finding and fix, within the 4,096 characters CloudFormation shows, cut at a whole
/// finding; every judgement is also an annotation.
/// </summary>
public static class HookAnswer
{
    public const int MaxMessageLength = 4096;

    public static HookResponse From(IReadOnlyList<HookFinding> findings, string? clientRequestToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var failing = findings.Where(f => f.Verdict.Compliance == ComplianceType.NonCompliant).ToList();
        var exempted = findings.Count(f => f.Exemption is not null);
        return new HookResponse
        {
            HookStatus = failing.Count == 0 ? HookResponse.Success : HookResponse.Failed,
            ErrorCode = failing.Count == 0 ? null : HookResponse.NonCompliant,
            Message = failing.Count == 0 ? Passed(findings, exempted) : Failed(failing, exempted),
            ClientRequestToken = clientRequestToken,
            Annotations = [.. findings.Select(Annotate)],
        };
    }

    /// <summary>Nothing to judge (a deletion, a type no selected rule covers): SUCCESS saying why.</summary>
    public static HookResponse Skipped(string reason, string? clientRequestToken) => new()
    {
        HookStatus = HookResponse.Success,
        Message = $"ConfigRules: {reason}",
        ClientRequestToken = clientRequestToken,
    };

    /// <summary>The request or its payload cannot be read, or exemptions cannot be loaded: FAILED with InternalFailure.</summary>
    public static HookResponse InternalFailure(string problem, string? clientRequestToken) => new()
    {
        HookStatus = HookResponse.Failed,
        ErrorCode = HookResponse.InternalFailure,
        Message = Cut($"ConfigRules could not judge this request: {problem}"),
        ClientRequestToken = clientRequestToken,
    };

    private static string Passed(IReadOnlyList<HookFinding> findings, int exempted)
    {
        var resources = findings.Select(f => f.LogicalId).Distinct(StringComparer.Ordinal).Count();
        var skipped = findings.Count(f => f.Verdict.Compliance == ComplianceType.NotApplicable);
        var text = $"ConfigRules: no finding stops this deployment ({findings.Count} checks on {resources} resources; {skipped} not applicable before deployment or exempted";
        return exempted > 0 ? $"{text}, {exempted} of them exempted)." : text + ").";
    }

    private static string Failed(List<HookFinding> failing, int exempted)
    {
        var head = $"ConfigRules: {failing.Count} NON_COMPLIANT finding{(failing.Count == 1 ? "" : "s")} stop{(failing.Count == 1 ? "s" : "")} this deployment"
            + (exempted > 0 ? $" ({exempted} exempted finding{(exempted == 1 ? "" : "s")} not counted)." : ".");
        var message = new StringBuilder(head);
        for (var i = 0; i < failing.Count; i++)
        {
            var line = "\n" + Line(failing[i]);
            var more = failing.Count - i - 1;
            // Keep room for the closing line whenever findings remain after this one.
            var reserve = more > 0 ? Remaining(more).Length : 0;
            if (message.Length + line.Length + reserve > MaxMessageLength)
            {
                message.Append(Remaining(failing.Count - i));
                break;
            }
            message.Append(line);
        }
        return Cut(message.ToString());
    }

    private static string Remaining(int count) => $"\n... and {count} more NON_COMPLIANT finding{(count == 1 ? "" : "s")}: see the hook's annotations.";

    private static string Line(HookFinding finding)
    {
        var where = finding.Line is { } line ? $"{finding.LogicalId} (line {line})" : finding.LogicalId;
        return $"- {where}: {finding.RuleId}: {finding.Verdict.Annotation} Fix: {finding.Rule.Definition.Remediation}";
    }

    private static HookAnnotation Annotate(HookFinding finding) => new()
    {
        AnnotationName = finding.RuleId,
        Status = finding.Verdict.Compliance switch
        {
            ComplianceType.Compliant => HookAnnotation.PassedStatus,
            ComplianceType.NonCompliant => HookAnnotation.FailedStatus,
            _ => HookAnnotation.SkippedStatus,
        },
        StatusMessage = $"{finding.LogicalId}: {finding.Verdict.Annotation ?? (finding.Verdict.Compliance == ComplianceType.Compliant ? "complies" : "not applicable")}",
        RemediationMessage = finding.Verdict.Compliance == ComplianceType.NonCompliant ? finding.Rule.Definition.Remediation : null,
        SeverityLevel = SeverityLevel(finding.Rule.Definition.Severity),
    };

    /// <summary>Hook annotations know three levels; a critical rule is HIGH.</summary>
    public static string SeverityLevel(Severity severity) => severity switch
    {
        Severity.Low => "LOW",
        Severity.Medium => "MEDIUM",
        _ => "HIGH",
    };

    private static string Cut(string text) => text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength - 3), "...");
}
