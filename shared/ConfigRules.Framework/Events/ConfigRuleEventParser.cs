using System.Globalization;
using System.Text.Json;
using ConfigRules.Framework.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Events;

/// <summary>Turns the Lambda payload of a custom rule into a <see cref="ConfigRuleEvent"/>, or a clear error.</summary>
public static class ConfigRuleEventParser
{
    public const string ChangeNotification = "ConfigurationItemChangeNotification";
    public const string OversizedNotification = "OversizedConfigurationItemChangeNotification";
    public const string ScheduledNotification = "ScheduledNotification";

    private static readonly string[] IgnoredMessageTypes =
    [
        "ConfigurationSnapshotDeliveryCompleted",
        "ConfigurationSnapshotDeliveryStarted",
        "ConfigurationSnapshotDeliveryFailed",
        "ConfigurationHistoryDeliveryCompleted",
        "OversizedConfigurationItemChangeDeliveryFailed",
        "ComplianceChangeNotification",
    ];

    /// <summary>
    /// Lambda accepts invocation payloads of at most 6 MB (6,291,456 bytes); anything larger did not come from
    /// Config through Lambda, and is refused before it is parsed.
    /// </summary>
    public const int MaxEventBytes = 6 * 1024 * 1024;

    /// <summary>The longest name AWS Config gives a rule (ConfigRuleName in the service model).</summary>
    public const int MaxConfigRuleNameLength = 128;

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static ConfigRuleEvent Parse(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxEventBytes)
            throw new InvalidEventException(
                $"The event is {payload.Length} bytes: at most {MaxEventBytes} bytes (Lambda's 6 MB invocation payload limit) are accepted.");
        // Lambda sends JSON without a byte order mark; RFC 8259 lets a parser ignore one, and saved events
        // (from editors, from .NET test data) often start with it, so it is skipped rather than refused.
        if (payload.StartsWith(Utf8ByteOrderMark)) payload = payload[Utf8ByteOrderMark.Length..];
        var envelope = Deserialize(payload, FrameworkJsonContext.Default.ConfigRuleEventDocument, "The event");
        if (envelope.InvokingEvent is null || envelope.InvokingEvent.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            throw new InvalidEventException("The event has no invokingEvent: expected an AWS Config custom-rule event whose invokingEvent is a JSON string.");

        var invoking = Deserialize(envelope.InvokingEvent, FrameworkJsonContext.Default.InvokingEventDocument, "invokingEvent");
        var messageType = invoking.MessageType;
        var kind = messageType switch
        {
            ChangeNotification => MessageKind.ConfigurationItemChange,
            OversizedNotification => MessageKind.OversizedConfigurationItemChange,
            ScheduledNotification => MessageKind.Scheduled,
            _ when messageType is not null && IgnoredMessageTypes.Contains(messageType) => MessageKind.Ignored,
            _ => throw new InvalidEventException(
                $"invokingEvent.messageType is {(messageType is null ? "missing" : $"'{messageType}'")}: expected {ChangeNotification}, {OversizedNotification} or {ScheduledNotification}."),
        };

        if (envelope.ConfigRuleName is { Length: > MaxConfigRuleNameLength } name)
            throw new InvalidEventException($"configRuleName is {name.Length} characters long: AWS Config rule names have 1 to {MaxConfigRuleNameLength}.");
        if (kind != MessageKind.Ignored && string.IsNullOrWhiteSpace(envelope.ResultToken))
            throw new InvalidEventException("The event has no resultToken: PutEvaluations needs the token Config sent with the event.");

        return new ConfigRuleEvent
        {
            Kind = kind,
            MessageType = messageType!,
            ResultToken = envelope.ResultToken ?? string.Empty,
            EventLeftScope = envelope.EventLeftScope ?? false,
            ConfigRuleName = envelope.ConfigRuleName,
            ConfigRuleArn = envelope.ConfigRuleArn,
            AccountId = envelope.AccountId,
            ExecutionRoleArn = envelope.ExecutionRoleArn,
            RuleParameters = ParseRuleParameters(envelope.RuleParameters),
            ConfigurationItem = kind == MessageKind.ConfigurationItemChange
                ? RequireItem(invoking.ConfigurationItem, "configurationItem", messageType!)
                : null,
            ConfigurationItemSummary = kind == MessageKind.OversizedConfigurationItemChange
                ? RequireItem(invoking.ConfigurationItemSummary, "configurationItemSummary", messageType!)
                : null,
            NotificationCreationTime = ParseTimestamp(invoking.NotificationCreationTime, "notificationCreationTime"),
        };
    }

    /// <summary>
    /// <c>ruleParameters</c> is a JSON object in a string. Values are strings as Config passes them; numbers and
    /// booleans are accepted as their text, since hand-written InputParameters often hold them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParseRuleParameters(string? ruleParameters)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(ruleParameters)) return result;
        var document = Deserialize(System.Text.Encoding.UTF8.GetBytes(ruleParameters), FrameworkJsonContext.Default.RuleParametersDocument, "ruleParameters");
        foreach (var (name, value) in document)
        {
            result[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? string.Empty,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                JsonValueKind.Null => string.Empty,
                _ => throw new InvalidParameterValueException("this rule",
                    [$"parameter '{name}' is a JSON {value.ValueKind.ToString().ToLowerInvariant()}: every rule parameter is a string."]),
            };
        }
        return result;
    }

    private static ConfigurationItem RequireItem(ConfigurationItemDocument? document, string field, string messageType)
    {
        if (document is null)
            throw new InvalidEventException($"invokingEvent.{field} is missing: a {messageType} carries one.");
        try
        {
            return ConfigurationItemMapper.FromDocument(document);
        }
        catch (InvalidConfigurationItemException ex)
        {
            throw new InvalidEventException($"invokingEvent.{field} is invalid: {ex.Message}", ex);
        }
    }

    private static DateTimeOffset? ParseTimestamp(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            return value;
        throw new InvalidEventException($"invokingEvent.{field} '{text}' is not an ISO-8601 timestamp.");
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, typeInfo)
                   ?? throw new InvalidEventException($"{what} is null: expected a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"{what} is not valid JSON for an AWS Config custom-rule event: {ex.Message}", ex);
        }
        catch (InvalidConfigurationItemException ex)
        {
            throw new InvalidEventException($"{what} holds an invalid configuration item: {ex.Message}", ex);
        }
    }
}
