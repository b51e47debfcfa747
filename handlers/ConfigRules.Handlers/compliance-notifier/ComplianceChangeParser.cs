using System.Globalization;
using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.Json;
using ConfigRules.Framework.Text;

namespace ConfigRules.Handlers.ComplianceNotifier;

/// <summary>Reads the EventBridge "Config Rules Compliance Change" event into a <see cref="ComplianceChange"/>.</summary>
public static class ComplianceChangeParser
{
    public const string DetailType = "Config Rules Compliance Change";
    public const string MessageType = "ComplianceChangeNotification";

    /// <summary>
    /// Config bounds names and ids (rule names 128, resource ids 768 characters). Anything longer is not from
    /// Config and is refused, which also keeps every notice's fixed part far below SNS's size limit.
    /// </summary>
    internal const int MaxIdentifierLength = 2048;

    public static ComplianceChange Parse(ReadOnlySpan<byte> payload)
    {
        ComplianceChangeEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(payload, HandlersJsonContext.Default.ComplianceChangeEnvelope);
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The event is not valid JSON ({e.Message}): expected the EventBridge \"{DetailType}\" event.", e);
        }
        if (envelope is null)
            throw new InvalidEventException($"The event is null: expected the EventBridge \"{DetailType}\" event.");
        if (!string.Equals(envelope.DetailType, DetailType, StringComparison.Ordinal))
            throw new InvalidEventException(
                $"The event's detail-type is {Describe(envelope.DetailType)}: expected \"{DetailType}\" (an EventBridge rule on source aws.config).");

        var detail = envelope.Detail ?? throw new InvalidEventException("The event has no detail: expected Config's ComplianceChangeNotification in detail.");
        if (detail.MessageType is not null && !string.Equals(detail.MessageType, MessageType, StringComparison.Ordinal))
            throw new InvalidEventException($"detail.messageType is {Describe(detail.MessageType)}: expected \"{MessageType}\".");

        var next = detail.NewEvaluationResult ?? throw new InvalidEventException("detail.newEvaluationResult is missing: Config always sends the new result.");
        var qualifier = next.EvaluationResultIdentifier?.EvaluationResultQualifier;

        return new ComplianceChange
        {
            ConfigRuleName = Required(detail.ConfigRuleName ?? qualifier?.ConfigRuleName, "detail.configRuleName"),
            ConfigRuleArn = Optional(detail.ConfigRuleArn),
            ResourceType = Required(detail.ResourceType ?? qualifier?.ResourceType, "detail.resourceType"),
            ResourceId = Required(detail.ResourceId ?? qualifier?.ResourceId, "detail.resourceId"),
            AwsAccountId = Required(detail.AwsAccountId ?? envelope.Account, "detail.awsAccountId"),
            AwsRegion = Required(detail.AwsRegion ?? envelope.Region, "detail.awsRegion"),
            NewComplianceType = ReadComplianceType(next.ComplianceType, "detail.newEvaluationResult.complianceType"),
            OldComplianceType = detail.OldEvaluationResult is { } old
                ? ReadComplianceType(old.ComplianceType, "detail.oldEvaluationResult.complianceType")
                : null,
            Annotation = string.IsNullOrWhiteSpace(next.Annotation) ? null : next.Annotation,
            RecordedAt = ReadTimestamp(next.ResultRecordedTime, "detail.newEvaluationResult.resultRecordedTime")
                         ?? ReadTimestamp(detail.NotificationCreationTime, "detail.notificationCreationTime")
                         ?? ReadTimestamp(envelope.Time, "time"),
        };
    }

    private static ComplianceType ReadComplianceType(string? wire, string field)
    {
        if (ComplianceTypeNames.TryParse(wire, out var type)) return type;
        throw new InvalidEventException(
            $"{field} is {Describe(wire)}: expected COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or INSUFFICIENT_DATA.");
    }

    private static DateTimeOffset? ReadTimestamp(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return parsed;
        throw new InvalidEventException($"{field} is {Describe(text)}: expected an ISO-8601 timestamp.");
    }

    private static string Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidEventException($"{field} is missing: Config's compliance change event always has it.");
        return Cap(value.Trim(), field);
    }

    private static string? Optional(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Cap(value.Trim(), "detail.configRuleARN");

    private static string Cap(string value, string field) => value.Length <= MaxIdentifierLength
        ? value
        : throw new InvalidEventException($"{field} is {value.Length} characters long: expected at most {MaxIdentifierLength}.");

    private static string Describe(string? value) => value is null
        ? "missing"
        : $"\"{TextShortening.Shorten(value, 83)}\"";
}
