using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// AWS Config custom-rule events as Lambda delivers them: <c>invokingEvent</c> and <c>ruleParameters</c> are JSON
/// documents inside strings. Each method returns the UTF-8 payload a rule function receives.
/// </summary>
public static class ConfigRuleEvents
{
    public const string DefaultConfigRuleName = "custom-rule";
    public const string DefaultResultToken = "result-token-0001";
    public static readonly DateTimeOffset DefaultNotificationTime = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A ConfigurationItemChangeNotification carrying the item (in the invoking-event shape).</summary>
    public static byte[] Change(ConfigurationItemBuilder item, IReadOnlyDictionary<string, string>? parameters = null, EventOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Envelope(new JsonObject
        {
            ["configurationItemDiff"] = null,
            ["configurationItem"] = item.ToJsonObject(ItemShape.InvokingEvent),
            ["notificationCreationTime"] = ConfigurationItemBuilder.Iso(DefaultNotificationTime),
            ["messageType"] = "ConfigurationItemChangeNotification",
            ["recordVersion"] = "1.3",
        }, parameters, options ?? EventOptions.Default);
    }

    /// <summary>An OversizedConfigurationItemChangeNotification: only the item's summary; the rule reads the item from Config.</summary>
    public static byte[] Oversized(ConfigurationItemBuilder item, IReadOnlyDictionary<string, string>? parameters = null, EventOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var summary = item.ToJsonObject(ItemShape.InvokingEvent);
        summary.Remove("configuration");
        summary.Remove("supplementaryConfiguration");
        summary.Remove("tags");
        summary.Remove("relationships");
        summary.Remove("relatedEvents");
        return Envelope(new JsonObject
        {
            ["configurationItemSummary"] = summary,
            ["notificationCreationTime"] = ConfigurationItemBuilder.Iso(DefaultNotificationTime),
            ["messageType"] = "OversizedConfigurationItemChangeNotification",
            ["recordVersion"] = "1.0",
        }, parameters, options ?? EventOptions.Default);
    }

    /// <summary>A ScheduledNotification (periodic rules): the rule lists and reads its resources from Config.</summary>
    public static byte[] Scheduled(IReadOnlyDictionary<string, string>? parameters = null, EventOptions? options = null) =>
        Envelope(new JsonObject
        {
            ["awsAccountId"] = ConfigurationItemBuilder.DefaultAccountId,
            ["notificationCreationTime"] = ConfigurationItemBuilder.Iso(DefaultNotificationTime),
            ["messageType"] = "ScheduledNotification",
            ["recordVersion"] = "1.0",
        }, parameters, options ?? EventOptions.Default);

    private static byte[] Envelope(JsonObject invokingEvent, IReadOnlyDictionary<string, string>? parameters, EventOptions options)
    {
        var ruleParameters = new JsonObject();
        foreach (var (name, value) in parameters ?? new Dictionary<string, string>()) ruleParameters[name] = value;
        var account = ConfigurationItemBuilder.DefaultAccountId;
        return Encoding.UTF8.GetBytes(new JsonObject
        {
            ["version"] = "1.0",
            ["invokingEvent"] = invokingEvent.ToJsonString(),
            ["ruleParameters"] = ruleParameters.ToJsonString(),
            ["resultToken"] = options.ResultToken,
            ["eventLeftScope"] = options.EventLeftScope,
            ["executionRoleArn"] = $"arn:aws:iam::{account}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
            ["configRuleArn"] = $"arn:aws:config:{ConfigurationItemBuilder.DefaultRegion}:{account}:config-rule/config-rule-0001",
            ["configRuleName"] = options.ConfigRuleName,
            ["configRuleId"] = "config-rule-0001",
            ["accountId"] = account,
        }.ToJsonString());
    }
}

/// <summary>The envelope fields tests vary.</summary>
public sealed record EventOptions
{
    public static EventOptions Default { get; } = new();

    public string ConfigRuleName { get; init; } = ConfigRuleEvents.DefaultConfigRuleName;
    public string ResultToken { get; init; } = ConfigRuleEvents.DefaultResultToken;
    public bool EventLeftScope { get; init; }
}
