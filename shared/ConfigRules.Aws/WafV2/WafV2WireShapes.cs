using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Aws.WafV2;

// WAFv2's awsJson1_1 shapes (PascalCase members, as in the service model 2019-07-29), only the members read here.

internal sealed class GetWebAclInput
{
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("Scope")] public required string Scope { get; init; }
    [JsonPropertyName("Id")] public required string Id { get; init; }
}

internal sealed class GetWebAclOutput
{
    [JsonPropertyName("WebACL")] public WebAclShape? WebAcl { get; set; }
    [JsonPropertyName("LockToken")] public string? LockToken { get; set; }
}

internal sealed class WebAclShape
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Id")] public string? Id { get; set; }
    [JsonPropertyName("ARN")] public string? Arn { get; set; }
    [JsonPropertyName("Rules")] public List<WebAclRuleShape>? Rules { get; set; }
}

internal sealed class WebAclRuleShape
{
    [JsonPropertyName("Name")] public string? Name { get; set; }
    [JsonPropertyName("Priority")] public long? Priority { get; set; }
    [JsonPropertyName("Statement")] public StatementShape? Statement { get; set; }

    /// <summary>RuleAction: exactly one of Block, Allow, Count, Captcha, Challenge, each an object.</summary>
    [JsonPropertyName("Action")] public Dictionary<string, JsonElement>? Action { get; set; }

    /// <summary>OverrideAction (rule-group statements only): Count or None.</summary>
    [JsonPropertyName("OverrideAction")] public Dictionary<string, JsonElement>? OverrideAction { get; set; }
}

internal sealed class StatementShape
{
    [JsonPropertyName("RateBasedStatement")] public RateBasedStatementShape? RateBasedStatement { get; set; }
}

internal sealed class RateBasedStatementShape
{
    [JsonPropertyName("Limit")] public long? Limit { get; set; }
    [JsonPropertyName("AggregateKeyType")] public string? AggregateKeyType { get; set; }
    [JsonPropertyName("EvaluationWindowSec")] public long? EvaluationWindowSec { get; set; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetWebAclInput))]
[JsonSerializable(typeof(GetWebAclOutput))]
internal sealed partial class WafV2JsonContext : JsonSerializerContext;
