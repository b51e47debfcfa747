using ConfigRules.Framework.Model;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>One resource's result for one rule changed: the validated content of the EventBridge event.</summary>
public sealed record ComplianceChange
{
    public required string ConfigRuleName { get; init; }
    public string? ConfigRuleArn { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string AwsAccountId { get; init; }
    public required string AwsRegion { get; init; }
    public required ComplianceType NewComplianceType { get; init; }
    /// <summary>Null on a resource's first result for the rule (Config sends no oldEvaluationResult).</summary>
    public ComplianceType? OldComplianceType { get; init; }
    public string? Annotation { get; init; }
    /// <summary>When Config recorded the new result (resultRecordedTime), else when it sent the notice.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
}
