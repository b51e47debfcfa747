using System.Text.Json.Serialization;

namespace ConfigRules.Handlers.ComplianceNotifier;

// The EventBridge "Config Rules Compliance Change" event as AWS Config emits it. Every member is optional
// here; ComplianceChangeParser decides what is required and says so when it is missing.

public sealed class ComplianceChangeEnvelope
{
    [JsonPropertyName("detail-type")] public string? DetailType { get; set; }
    public string? Source { get; set; }
    public string? Account { get; set; }
    public string? Region { get; set; }
    public string? Time { get; set; }
    public ComplianceChangeDetail? Detail { get; set; }
}

public sealed class ComplianceChangeDetail
{
    public string? ResourceId { get; set; }
    public string? ResourceType { get; set; }
    public string? AwsRegion { get; set; }
    public string? AwsAccountId { get; set; }
    public string? ConfigRuleName { get; set; }
    [JsonPropertyName("configRuleARN")] public string? ConfigRuleArn { get; set; }
    public string? RecordVersion { get; set; }
    public string? MessageType { get; set; }
    public string? NotificationCreationTime { get; set; }
    public EvaluationResultDocument? NewEvaluationResult { get; set; }
    public EvaluationResultDocument? OldEvaluationResult { get; set; }
}

public sealed class EvaluationResultDocument
{
    public EvaluationResultIdentifierDocument? EvaluationResultIdentifier { get; set; }
    public string? ComplianceType { get; set; }
    public string? ResultRecordedTime { get; set; }
    public string? ConfigRuleInvokedTime { get; set; }
    public string? Annotation { get; set; }
}

public sealed class EvaluationResultIdentifierDocument
{
    public EvaluationResultQualifierDocument? EvaluationResultQualifier { get; set; }
    public string? OrderingTimestamp { get; set; }
}

public sealed class EvaluationResultQualifierDocument
{
    public string? ConfigRuleName { get; set; }
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }
}
