using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// AWS Config custom-rule Lambda events, written from the documented format: <c>invokingEvent</c> and
/// <c>ruleParameters</c> are JSON documents inside strings.
/// </summary>
public static class ConfigEvents
{
    public const string RuleName = "lambda-runtime-check-conformance-pack-abc123";
    public const string ResultToken = "loopback-result-token-0001";
    public static readonly DateTimeOffset NotificationTime = new(2025, 6, 2, 3, 4, 5, TimeSpan.Zero);

    public static byte[] Change(JsonObject item, JsonObject? parameters = null, bool eventLeftScope = false) =>
        Envelope(new JsonObject
        {
            ["configurationItemDiff"] = null,
            ["configurationItem"] = item,
            ["notificationCreationTime"] = Iso(NotificationTime),
            ["messageType"] = "ConfigurationItemChangeNotification",
            ["recordVersion"] = "1.3",
        }, parameters, eventLeftScope);

    public static byte[] Oversized(JsonObject summary, JsonObject? parameters = null) =>
        Envelope(new JsonObject
        {
            ["configurationItemSummary"] = summary,
            ["notificationCreationTime"] = Iso(NotificationTime),
            ["messageType"] = "OversizedConfigurationItemChangeNotification",
            ["recordVersion"] = "1.0",
        }, parameters, eventLeftScope: false);

    public static byte[] Scheduled(JsonObject? parameters = null) =>
        Envelope(new JsonObject
        {
            ["awsAccountId"] = LambdaFunctionItems.AccountId,
            ["notificationCreationTime"] = Iso(NotificationTime),
            ["messageType"] = "ScheduledNotification",
            ["recordVersion"] = "1.0",
        }, parameters, eventLeftScope: false);

    /// <summary>A delivery notice a rule acknowledges without any AWS call.</summary>
    public static byte[] SnapshotDelivered() =>
        Envelope(new JsonObject
        {
            ["configSnapshotId"] = "00000000-0000-0000-0000-000000000000",
            ["s3ObjectKey"] = "AWSLogs/123456789012/Config/us-east-1/snapshot.json.gz",
            ["s3Bucket"] = "config-bucket",
            ["notificationCreationTime"] = Iso(NotificationTime),
            ["messageType"] = "ConfigurationSnapshotDeliveryCompleted",
            ["recordVersion"] = "1.1",
        }, null, eventLeftScope: false);

    private static byte[] Envelope(JsonObject invokingEvent, JsonObject? parameters, bool eventLeftScope) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["version"] = "1.0",
            ["invokingEvent"] = invokingEvent.ToJsonString(),
            ["ruleParameters"] = (parameters ?? []).ToJsonString(),
            ["resultToken"] = ResultToken,
            ["eventLeftScope"] = eventLeftScope,
            ["executionRoleArn"] = $"arn:aws:iam::{LambdaFunctionItems.AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
            ["configRuleArn"] = $"arn:aws:config:{LambdaFunctionItems.Region}:{LambdaFunctionItems.AccountId}:config-rule/config-rule-abc123",
            ["configRuleName"] = RuleName,
            ["configRuleId"] = "config-rule-abc123",
            ["accountId"] = LambdaFunctionItems.AccountId,
        }.ToJsonString());

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
