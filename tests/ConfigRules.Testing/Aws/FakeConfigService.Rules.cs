using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

/// <summary>A Config rule of the fake account, as DescribeConfigRules lists it.</summary>
public sealed record FakeConfigRule(string ConfigRuleName, string ConfigRuleState, string ConfigRuleId, string ConfigRuleArn, string? FunctionArn);

// The account's Config rules: DescribeConfigRules (paginated like AWS, at most 25 rules a page) and the names
// StartConfigRulesEvaluation accepts once any rule is registered.
public sealed partial class FakeConfigService
{
    private static readonly string[] RuleStates = ["ACTIVE", "DELETING", "DELETING_RESULTS", "EVALUATING"];
    private static readonly string[] EvaluationModes = ["DETECTIVE", "PROACTIVE"];
    private const string RuleRegion = "us-east-1";
    private const string RuleAccount = "123456789012";
    private readonly List<FakeConfigRule> _rules = [];

    /// <summary>Largest page DescribeConfigRules returns (AWS returns at most 25 rules a page).</summary>
    public int RulePageSize { get; set; } = 25;

    /// <summary>Adds a custom Lambda rule to the account; it is listed by DescribeConfigRules and can be started.</summary>
    public FakeConfigRule AddConfigRule(string configRuleName, string state = "ACTIVE", string? functionArn = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(configRuleName);
        if (!RuleStates.Contains(state, StringComparer.Ordinal))
            throw new ArgumentException($"ConfigRuleState '{state}' is not one of {string.Join(", ", RuleStates)}.", nameof(state));
        lock (_gate)
        {
            var id = $"config-rule-{_rules.Count + 1:x6}";
            var rule = new FakeConfigRule(configRuleName, state, id, $"arn:aws:config:{RuleRegion}:{RuleAccount}:config-rule/{id}", functionArn);
            _rules.Add(rule);
            return rule;
        }
    }

    public IReadOnlyList<FakeConfigRule> Rules
    {
        get { lock (_gate) return [.. _rules]; }
    }

    private JsonObject DescribeConfigRules(JsonInput input)
    {
        var names = (input.OptionalArray("ConfigRuleNames", 0, 25) ?? [])
            .Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length is >= 1 and <= 128
                ? s
                : throw new FakeAwsErrorException(400, "ValidationException", "DescribeConfigRules: ConfigRuleNames members must be strings of 1 to 128 characters."))
            .ToList();
        if (input.Body["Filters"] is { } filterNode)
        {
            var filters = JsonInput.From(filterNode as JsonObject ?? throw new FakeAwsErrorException(400, "SerializationException", "DescribeConfigRules: Filters must be an object."),
                "DescribeConfigRules", "EvaluationMode");
            if (filters.OptionalString("EvaluationMode") is { } mode && !EvaluationModes.Contains(mode, StringComparer.Ordinal))
                throw new FakeAwsErrorException(400, "ValidationException", $"DescribeConfigRules: EvaluationMode '{mode}' is not one of {string.Join(", ", EvaluationModes)}.");
        }
        lock (_gate)
        {
            foreach (var name in names.Where(n => !_rules.Any(r => r.ConfigRuleName == n)))
                throw new FakeAwsErrorException(400, "NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid. Please check the configRule name");
            var selected = _rules.Where(r => names.Count == 0 || names.Contains(r.ConfigRuleName)).ToList();
            var (page, next) = Paginate(selected, input.OptionalString("NextToken"), RulePageSize);
            var output = new JsonObject { ["ConfigRules"] = new JsonArray(page.Select(r => (JsonNode)ToApiShape(r)).ToArray()) };
            if (next is not null) output["NextToken"] = next;
            return output;
        }
    }

    private static JsonObject ToApiShape(FakeConfigRule rule) => new()
    {
        ["ConfigRuleName"] = rule.ConfigRuleName,
        ["ConfigRuleArn"] = rule.ConfigRuleArn,
        ["ConfigRuleId"] = rule.ConfigRuleId,
        ["Source"] = new JsonObject
        {
            ["Owner"] = "CUSTOM_LAMBDA",
            ["SourceIdentifier"] = rule.FunctionArn ?? $"arn:aws:lambda:{RuleRegion}:{RuleAccount}:function:{rule.ConfigRuleName}",
            ["SourceDetails"] = new JsonArray(
                new JsonObject { ["EventSource"] = "aws.config", ["MessageType"] = "ConfigurationItemChangeNotification" },
                new JsonObject { ["EventSource"] = "aws.config", ["MessageType"] = "OversizedConfigurationItemChangeNotification" }),
        },
        ["ConfigRuleState"] = rule.ConfigRuleState,
        ["EvaluationModes"] = new JsonArray(new JsonObject { ["Mode"] = "DETECTIVE" }),
    };

    /// <summary>StartConfigRulesEvaluation knows a name when it is in <see cref="KnownRules"/> or registered with <see cref="AddConfigRule"/>.</summary>
    private bool IsUnknownRule(string name) =>
        (KnownRules.Count > 0 || _rules.Count > 0) && !KnownRules.Contains(name) && !_rules.Any(r => r.ConfigRuleName == name);
}
