using System.Text.Json;

namespace ConfigRules.Framework.Json;

/// <summary>The custom-rule event as Lambda receives it: invokingEvent and ruleParameters are JSON in strings.</summary>
public sealed class ConfigRuleEventDocument
{
    public string? Version { get; set; }
    /// <summary>The invokingEvent string's content, as UTF-8 (it is parsed as JSON next).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Utf8StringContentConverter))]
    public byte[]? InvokingEvent { get; set; }
    public string? RuleParameters { get; set; }
    public string? ResultToken { get; set; }
    public bool? EventLeftScope { get; set; }
    public string? ExecutionRoleArn { get; set; }
    public string? ConfigRuleArn { get; set; }
    public string? ConfigRuleName { get; set; }
    public string? ConfigRuleId { get; set; }
    public string? AccountId { get; set; }
    public string? EvaluationMode { get; set; }
}

/// <summary>The decoded <c>invokingEvent</c> string.</summary>
public sealed class InvokingEventDocument
{
    public string? MessageType { get; set; }
    public ConfigurationItemDocument? ConfigurationItem { get; set; }
    public ConfigurationItemDocument? ConfigurationItemSummary { get; set; }
    public string? NotificationCreationTime { get; set; }
    public string? RecordVersion { get; set; }
    public string? AwsAccountId { get; set; }
}

/// <summary>Rule parameters arrive as a JSON object of strings; numbers and booleans are tolerated.</summary>
public sealed class RuleParametersDocument : Dictionary<string, JsonElement>
{
    public RuleParametersDocument() : base(StringComparer.Ordinal) { }
}
