using System.Text.Json;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.Json;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>The notice as SQS, Lambda and HTTP(S) subscribers receive it: one JSON object (docs/notifications.md).</summary>
public sealed class NoticeDocument
{
    /// <summary>NON_COMPLIANT, RESOLVED or EXEMPTED.</summary>
    public required string Notice { get; init; }
    public required string ConfigRuleName { get; init; }
    public string? ConfigRuleArn { get; init; }
    /// <summary>The ConfigRules catalog id the deployed rule was recognised as, or null.</summary>
    public string? CatalogRuleId { get; init; }
    public required string Severity { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string AwsAccountId { get; init; }
    public required string AwsRegion { get; init; }
    public required string ComplianceType { get; init; }
    /// <summary>Null on a first result.</summary>
    public string? PreviousComplianceType { get; init; }
    public string? Annotation { get; init; }
    public bool AnnotationTruncated { get; init; }
    /// <summary>For EXEMPTED: the exemption that now covers the resource; null otherwise.</summary>
    public NoticeExemption? Exemption { get; init; }
    /// <summary>UTC, written with a Z.</summary>
    public DateTime? ResultRecordedTime { get; init; }
    public string? Remediation { get; init; }
    public string? Documentation { get; init; }
    public required string ConsoleUrl { get; init; }

    public static NoticeDocument From(ComplianceNotice notice) => new()
    {
        Notice = notice.Kind.Label(),
        ConfigRuleName = notice.Change.ConfigRuleName,
        ConfigRuleArn = notice.Change.ConfigRuleArn,
        CatalogRuleId = notice.Rule?.Id,
        Severity = notice.Severity,
        ResourceType = notice.Change.ResourceType,
        ResourceId = notice.Change.ResourceId,
        AwsAccountId = notice.Change.AwsAccountId,
        AwsRegion = notice.Change.AwsRegion,
        ComplianceType = notice.Change.NewComplianceType.ToWire(),
        PreviousComplianceType = notice.Change.OldComplianceType?.ToWire(),
        Annotation = notice.Annotation,
        AnnotationTruncated = notice.AnnotationTruncated,
        Exemption = NoticeExemption.From(notice.Exemption),
        ResultRecordedTime = notice.Change.RecordedAt?.UtcDateTime,
        Remediation = notice.Rule?.Remediation,
        Documentation = notice.Documentation,
        ConsoleUrl = notice.ConsoleUrl,
    };

    public static string Serialize(ComplianceNotice notice) =>
        JsonSerializer.Serialize(From(notice), NoticeJsonContext.Default.NoticeDocument);
}

/// <summary>The exemption in the JSON document, as the exemption's annotation states it (docs/exemptions.md).</summary>
public sealed class NoticeExemption
{
    /// <summary>The last day (UTC) the exemption holds, yyyy-MM-dd.</summary>
    public required string Expires { get; init; }
    public string? Owner { get; init; }
    public string? Ticket { get; init; }
    public string? Reason { get; init; }

    public static NoticeExemption? From(ExemptionAnnotationDetails? details) => details is null ? null : new()
    {
        Expires = details.ExpiresText,
        Owner = details.Owner,
        Ticket = details.Ticket,
        Reason = details.Reason,
    };
}
