namespace ConfigRules.Cli.Templates;

/// <summary>
/// Which configuration fields each rule judges, so that a template field known only after deployment makes that
/// rule NOT_APPLICABLE with a note instead of a verdict on a guess. Rules not listed judge template items as they
/// are.
/// </summary>
public static class TemplateRuleInputs
{
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["lambda-runtime-check"] = ["packageType", "runtime"],
        ["lambda-handler-name-check"] = ["packageType", "handler", "runtime"],
        ["lambda-code-size-check"] = ["codeSize", "layers"],
        ["lambda-memory-size-check"] = ["memorySize"],
        ["lambda-timeout-check"] = ["timeout"],
        ["lambda-concurrency-check"] = ["reservedConcurrentExecutions"],
        ["lambda-execution-role-check"] = ["role"],
        ["api-gateway-endpoint-type-check"] = ["endpointConfiguration.types"],
    };

    /// <summary>The note for the first field the rule judges that the template cannot tell, or null.</summary>
    public static string? FirstUnknown(string ruleId, IReadOnlyDictionary<string, string> unknowns)
    {
        if (unknowns.Count == 0 || !Fields.TryGetValue(ruleId, out var fields)) return null;
        foreach (var field in fields)
        {
            if (unknowns.TryGetValue(field, out var note)) return note;
        }
        return null;
    }
}
