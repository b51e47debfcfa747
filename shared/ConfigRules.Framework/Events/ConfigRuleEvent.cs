using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Events;

/// <summary>The kinds of <c>messageType</c> a custom rule receives.</summary>
public enum MessageKind
{
    ConfigurationItemChange,
    OversizedConfigurationItemChange,
    Scheduled,
    /// <summary>Delivery notices (snapshot, history) that a rule acknowledges without evaluating.</summary>
    Ignored,
}

/// <summary>A parsed AWS Config custom-rule event.</summary>
public sealed record ConfigRuleEvent
{
    public required MessageKind Kind { get; init; }
    public required string MessageType { get; init; }
    public required string ResultToken { get; init; }
    public bool EventLeftScope { get; init; }
    public string? ConfigRuleName { get; init; }
    public string? ConfigRuleArn { get; init; }
    public string? AccountId { get; init; }
    public string? ExecutionRoleArn { get; init; }

    /// <summary>The raw <c>ruleParameters</c>, each value as text (as Config passes InputParameters).</summary>
    public IReadOnlyDictionary<string, string> RuleParameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The item, for change notifications.</summary>
    public ConfigurationItem? ConfigurationItem { get; init; }

    /// <summary>The summary (no configuration), for oversized notifications.</summary>
    public ConfigurationItem? ConfigurationItemSummary { get; init; }

    /// <summary>When Config created the notification: the ordering timestamp of periodic evaluations.</summary>
    public DateTimeOffset? NotificationCreationTime { get; init; }
}
