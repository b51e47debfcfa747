using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.ApiGatewayStageLogging;

/// <summary>api-gateway-stage-logging-check's parameters.</summary>
/// <param name="MinLoggingLevel"><c>ERROR</c> or <c>INFO</c> (INFO logs more, so it is the higher requirement).</param>
public sealed record ApiGatewayStageLoggingCheckParameters(string MinLoggingLevel, bool RequireAccessLogs, bool RequireTracing);

/// <summary>
/// Flags REST API stages whose execution logging for all methods (<c>methodSettings["*/*"].loggingLevel</c>) is off,
/// unset or below the minimum, that write no access logs (<c>accessLogSettings.destinationArn</c>) while they are
/// required, or that do not trace with X-Ray (<c>tracingEnabled</c>) while it is required. Every finding that applies
/// is reported in one annotation.
/// </summary>
public sealed class ApiGatewayStageLoggingCheck : ConfigRule<ApiGatewayStageLoggingCheckParameters>
{
    /// <summary>The method-settings key API Gateway uses for "every resource, every method".</summary>
    public const string AllMethodsKey = "*/*";

    /// <summary>API Gateway's logging levels, least to most verbose.</summary>
    private static readonly string[] Levels = ["OFF", "ERROR", "INFO"];

    public override RuleDefinition Definition => ApiGatewayStageLoggingCheckDefinition.Value;

    protected override ApiGatewayStageLoggingCheckParameters ReadParameters(ParameterReader reader)
    {
        var level = reader.GetString("minLoggingLevel")?.Trim().ToUpperInvariant() ?? "ERROR";
        if (level is not ("ERROR" or "INFO"))
        {
            reader.AddProblem($"parameter 'minLoggingLevel' is '{TextShortening.Shorten(level, 40)}'; expected ERROR or INFO.");
            level = "ERROR";
        }
        return new ApiGatewayStageLoggingCheckParameters(level, reader.GetBoolean("requireAccessLogs") ?? true, reader.GetBoolean("requireTracing") ?? false);
    }

    protected override ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, ApiGatewayStageLoggingCheckParameters parameters, RuleContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Judge(item, parameters));

    private static Verdict Judge(ConfigurationItem item, ApiGatewayStageLoggingCheckParameters parameters)
    {
        var configuration = item.Configuration;
        var stage = ApiGatewayStageFacts.Describe(item);
        var findings = new List<string>(3);

        var level = AllMethodsLevel(configuration);
        if (Rank(level) < Rank(parameters.MinLoggingLevel))
        {
            findings.Add(level switch
            {
                null => $"execution logging for all methods ({AllMethodsKey}) is not set (minimum {parameters.MinLoggingLevel})",
                "OFF" => $"execution logging for all methods is OFF (minimum {parameters.MinLoggingLevel})",
                _ => $"execution logging for all methods is {level}, below the minimum of {parameters.MinLoggingLevel}",
            });
        }
        var destination = configuration.TryGetPath("accessLogSettings.destinationArn", out var arn) && arn.ValueKind == JsonValueKind.String ? arn.GetString() : null;
        if (parameters.RequireAccessLogs && string.IsNullOrWhiteSpace(destination))
            findings.Add("access logs are not written (no accessLogSettings.destinationArn)");
        var tracing = configuration.TryGetBoolean("tracingEnabled", out var traced) && traced;
        if (parameters.RequireTracing && !tracing)
            findings.Add("X-Ray tracing is off, and it is required");

        if (findings.Count > 0)
            return Verdict.NonCompliant(
                $"{Capital(stage)}: {string.Join("; ", findings)}. Set MethodSettings LoggingLevel for /* *, AccessLogSetting{(parameters.RequireTracing ? " and TracingEnabled" : "")}.");

        var passed = new List<string>(3) { $"logs {level} for all methods" };
        if (parameters.RequireAccessLogs) passed.Add("writes access logs");
        if (parameters.RequireTracing) passed.Add("traces with X-Ray");
        return Verdict.Compliant($"{Capital(stage)} {string.Join(", ", passed.Take(passed.Count - 1))}{(passed.Count > 1 ? " and " : "")}{passed[^1]}.");
    }

    /// <summary>The level set for <c>*/*</c>, upper-cased; null when the stage sets none.</summary>
    private static string? AllMethodsLevel(JsonElement configuration) =>
        configuration.TryGetProperty("methodSettings", out var settings) && settings.TryGetProperty(AllMethodsKey, out var all) &&
        all.GetStringOrNull("loggingLevel") is { Length: > 0 } level
            ? level.Trim().ToUpperInvariant()
            : null;

    /// <summary>OFF, unset and unknown values rank lowest: a level API Gateway does not know logs nothing.</summary>
    private static int Rank(string? level) => level is null ? 0 : Math.Max(0, Array.IndexOf(Levels, level));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
