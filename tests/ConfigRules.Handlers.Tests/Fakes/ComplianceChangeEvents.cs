using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Handlers.Tests.Fakes;

/// <summary>
/// Builds EventBridge "Config Rules Compliance Change" events in the documented shape (AWS Config developer
/// guide, "Example AWS Config rule compliance notification"), with the values a test cares about.
/// </summary>
public sealed record ComplianceChangeEvents
{
    public string RuleName { get; init; } = "lambda-timeout-check";
    public string ResourceType { get; init; } = "AWS::Lambda::Function";
    public string ResourceId { get; init; } = "orders-fn";
    public string Account { get; init; } = "123456789012";
    public string Region { get; init; } = "us-east-1";
    public string? OldType { get; init; } = "COMPLIANT";
    public string NewType { get; init; } = "NON_COMPLIANT";
    public string? Annotation { get; init; } = "Timeout 900 s exceeds the maximum of 300 s.";

    public JsonObject ToJson()
    {
        var detail = new JsonObject
        {
            ["resourceId"] = ResourceId,
            ["awsRegion"] = Region,
            ["awsAccountId"] = Account,
            ["configRuleName"] = RuleName,
            ["recordVersion"] = "1.0",
            ["configRuleARN"] = $"arn:aws:config:{Region}:{Account}:config-rule/config-rule-q8ftgc",
            ["messageType"] = "ComplianceChangeNotification",
            ["newEvaluationResult"] = Result(NewType, Annotation, "2026-03-04T10:15:30.125Z"),
            ["notificationCreationTime"] = "2026-03-04T10:15:31.500Z",
            ["resourceType"] = ResourceType,
        };
        if (OldType is not null) detail["oldEvaluationResult"] = Result(OldType, null, "2026-03-01T08:00:00.000Z");
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = "5b3a8e61-4f0c-4d7a-9c1e-2a7d0f9b6c11",
            ["detail-type"] = "Config Rules Compliance Change",
            ["source"] = "aws.config",
            ["account"] = Account,
            ["time"] = "2026-03-04T10:15:31Z",
            ["region"] = Region,
            ["resources"] = new JsonArray(),
            ["detail"] = detail,
        };
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToJson().ToJsonString());

    private JsonObject Result(string type, string? annotation, string recorded) => new()
    {
        ["evaluationResultIdentifier"] = new JsonObject
        {
            ["evaluationResultQualifier"] = new JsonObject
            {
                ["configRuleName"] = RuleName,
                ["resourceType"] = ResourceType,
                ["resourceId"] = ResourceId,
            },
            ["orderingTimestamp"] = recorded,
        },
        ["complianceType"] = type,
        ["resultRecordedTime"] = recorded,
        ["configRuleInvokedTime"] = recorded,
        ["annotation"] = annotation,
    };
}
