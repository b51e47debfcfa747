using System.Text.Json;

namespace ConfigRules.Cli.Tests.Support;

/// <summary>What one run of the CLI produced.</summary>
public sealed record CliRun(int ExitCode, string StandardOutput, string StandardError, long? PeakRssKb = null)
{
    public JsonDocument Json() => JsonDocument.Parse(StandardOutput);

    /// <summary>evaluations[] of the JSON output as (rule, resource id) -> compliance type.</summary>
    public Dictionary<(string Rule, string Resource), string> Evaluations()
    {
        using var document = Json();
        return document.RootElement.GetProperty("evaluations").EnumerateArray().ToDictionary(
            e => (e.GetProperty("configRuleName").GetString()!, e.GetProperty("complianceResourceId").GetString()!),
            e => e.GetProperty("complianceType").GetString()!);
    }

    public string Annotation(string rule, string resource)
    {
        using var document = Json();
        return document.RootElement.GetProperty("evaluations").EnumerateArray()
            .Single(e => e.GetProperty("configRuleName").GetString() == rule && e.GetProperty("complianceResourceId").GetString() == resource)
            .GetProperty("annotation").GetString() ?? string.Empty;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}
