using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ConfigRules.Bench.Fixtures;

/// <summary>AWS Config custom-rule events as Lambda delivers them: invokingEvent and ruleParameters are JSON in strings.</summary>
public static class ConfigRuleEvents
{
    public const string RuleName = "lambda-runtime-check-bench";
    public const string ResultToken = "bench-result-token";

    /// <summary>A ConfigurationItemChangeNotification carrying <paramref name="itemJson"/>.</summary>
    public static byte[] ChangeNotification(ReadOnlySpan<byte> itemJson, string ruleParameters = "{}")
    {
        var invoking = new System.Buffers.ArrayBufferWriter<byte>(itemJson.Length + 512);
        using (var writer = new Utf8JsonWriter(invoking))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("configurationItem");
            writer.WriteRawValue(itemJson, skipInputValidation: true);
            writer.WriteNull("configurationItemDiff");
            writer.WriteString("notificationCreationTime", "2026-11-20T10:15:00.000Z");
            writer.WriteString("messageType", "ConfigurationItemChangeNotification");
            writer.WriteString("recordVersion", "1.3");
            writer.WriteEndObject();
        }
        return Envelope(Encoding.UTF8.GetString(invoking.WrittenSpan), ruleParameters);
    }

    /// <summary>A ScheduledNotification (periodic evaluation).</summary>
    public static byte[] ScheduledNotification(string ruleParameters = "{}")
    {
        var invoking = string.Create(CultureInfo.InvariantCulture,
            $"{{\"awsAccountId\":\"{LambdaFunctionItems.Account}\",\"notificationCreationTime\":\"2026-11-20T10:15:00.000Z\",\"messageType\":\"ScheduledNotification\",\"recordVersion\":\"1.0\"}}");
        return Envelope(invoking, ruleParameters);
    }

    private static byte[] Envelope(string invokingEvent, string ruleParameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(invokingEvent.Length * 2 + 1_024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "1.0");
            writer.WriteString("invokingEvent", invokingEvent);
            writer.WriteString("ruleParameters", ruleParameters);
            writer.WriteString("resultToken", ResultToken);
            writer.WriteBoolean("eventLeftScope", false);
            writer.WriteString("executionRoleArn", $"arn:aws:iam::{LambdaFunctionItems.Account}:role/config-role");
            writer.WriteString("configRuleArn", $"arn:aws:config:{LambdaFunctionItems.Region}:{LambdaFunctionItems.Account}:config-rule/config-rule-abc123");
            writer.WriteString("configRuleName", RuleName);
            writer.WriteString("configRuleId", "config-rule-abc123");
            writer.WriteString("accountId", LambdaFunctionItems.Account);
            writer.WriteString("evaluationMode", "DETECTIVE");
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
