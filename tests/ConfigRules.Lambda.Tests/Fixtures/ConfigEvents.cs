using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>The Config events the SDK test kit (<see cref="ConfigRuleEvents"/>) does not write, in its envelope.</summary>
public static class ConfigEvents
{
    /// <summary>A snapshot delivery notice, which a rule acknowledges without any AWS call.</summary>
    public static byte[] SnapshotDelivered()
    {
        var envelope = JsonNode.Parse(ConfigRuleEvents.Scheduled())!.AsObject();
        var scheduled = JsonNode.Parse(envelope["invokingEvent"]!.GetValue<string>())!.AsObject();
        envelope["invokingEvent"] = new JsonObject
        {
            ["configSnapshotId"] = "00000000-0000-0000-0000-000000000000",
            ["s3ObjectKey"] = $"AWSLogs/{ConfigurationItemBuilder.DefaultAccountId}/Config/{ConfigurationItemBuilder.DefaultRegion}/snapshot.json.gz",
            ["s3Bucket"] = "config-bucket",
            ["notificationCreationTime"] = scheduled["notificationCreationTime"]!.DeepClone(),
            ["messageType"] = "ConfigurationSnapshotDeliveryCompleted",
            ["recordVersion"] = "1.1",
        }.ToJsonString();
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }
}
