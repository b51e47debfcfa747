using System.Globalization;
using System.Text;
using ConfigRules.Framework.Model;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>The notice as a person reads it in an email: what happened, where, why, and how to fix it.</summary>
public static class NoticeText
{
    public static string Write(ComplianceNotice notice)
    {
        var change = notice.Change;
        var text = new StringBuilder(1024);
        text.Append(Headline(notice)).Append("\n\n");

        Field(text, "Rule", notice.Rule is null ? change.ConfigRuleName : $"{change.ConfigRuleName} ({notice.Rule.Title})");
        Field(text, "Severity", notice.Severity);
        Field(text, "Resource type", change.ResourceType);
        Field(text, "Resource id", change.ResourceId);
        Field(text, "Account", change.AwsAccountId);
        Field(text, "Region", change.AwsRegion);
        Field(text, "Result", change.OldComplianceType is { } old
            ? $"{change.NewComplianceType.ToWire()} (was {old.ToWire()})"
            : $"{change.NewComplianceType.ToWire()} (first result)");
        Field(text, "Annotation", notice.Annotation is null
            ? "(none)"
            : notice.AnnotationTruncated ? notice.Annotation + " [cut to fit the SNS size limit]" : notice.Annotation);
        if (notice.Exemption is { } exemption)
        {
            Field(text, "Exempt until", $"{exemption.ExpiresText} (UTC, inclusive)");
            Field(text, "Exempted by", exemption.Owner ?? "(not given)");
            Field(text, "Ticket", exemption.Ticket ?? "(none)");
            Field(text, "Reason", exemption.Reason ?? "(not given)");
        }
        Field(text, "When", change.RecordedAt?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "(not given)");

        text.Append('\n');
        if (notice.Kind == NoticeKind.Violation)
        {
            text.Append("How to fix:\n");
            if (notice.Rule is null)
                text.Append("  This rule is not part of ConfigRules; see its own documentation.\n");
            else
                text.Append("  ").Append(Clean(notice.Rule.Remediation)).Append('\n')
                    .Append("  Rule documentation: ").Append(notice.Documentation).Append(" (ConfigRules)\n");
            text.Append('\n');
        }
        text.Append("Rule in the AWS Config console:\n  ").Append(notice.ConsoleUrl).Append('\n');
        return text.ToString();
    }

    private static string Headline(ComplianceNotice notice)
    {
        var change = notice.Change;
        var resource = $"{Clean(change.ResourceType)} {Clean(change.ResourceId)}";
        return notice.Kind switch
        {
            NoticeKind.Violation => $"AWS Config rule {Clean(change.ConfigRuleName)} found {resource} NON_COMPLIANT.",
            NoticeKind.Exemption when notice.Exemption is { } exemption =>
                $"{resource} was exempted from AWS Config rule {Clean(change.ConfigRuleName)} until {exemption.ExpiresText}" +
                $"{(exemption.Owner is null ? "" : $" by {Clean(exemption.Owner)}")}: the finding is accepted, not fixed, and it is now {change.NewComplianceType.ToWire()}.",
            _ => $"{resource} is no longer NON_COMPLIANT with AWS Config rule {Clean(change.ConfigRuleName)}: it is now {change.NewComplianceType.ToWire()}.",
        };
    }

    private static void Field(StringBuilder text, string label, string value) =>
        text.Append(label).Append(':').Append(' ', Math.Max(1, 15 - label.Length)).Append(Clean(value)).Append('\n');

    /// <summary>One line per field: control characters and line breaks in event values become spaces.</summary>
    internal static string Clean(string value)
    {
        var needsWork = false;
        foreach (var c in value)
        {
            if (char.IsControl(c)) { needsWork = true; break; }
        }
        if (!needsWork) return value;
        var builder = new StringBuilder(value.Length);
        foreach (var c in value) builder.Append(char.IsControl(c) ? ' ' : c);
        return builder.ToString();
    }
}
