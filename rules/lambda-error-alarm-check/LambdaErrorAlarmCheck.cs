using System.Globalization;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>lambda-error-alarm-check's parameters; a null maximum means any threshold.</summary>
public sealed record LambdaErrorAlarmCheckParameters(bool RequireAlarmAction, double? MaxThreshold);

/// <summary>
/// Flags Lambda functions that no metric alarm watches for errors: <c>AWS/Lambda</c> <c>Errors</c> with dimension
/// <c>FunctionName</c> = the function, directly or inside a metric-math alarm's queries (an error rate), with an
/// enabled alarm action when required and a threshold within <c>maxThreshold</c> when set.
/// </summary>
public sealed class LambdaErrorAlarmCheck : ConfigRule<LambdaErrorAlarmCheckParameters>
{
    /// <summary>The key under which a run keeps the region's alarms (listed once, judged for every function).</summary>
    public const string AlarmsMemoKey = "lambda-error-alarm-check:alarms";

    public override RuleDefinition Definition => LambdaErrorAlarmCheckDefinition.Value;

    protected override LambdaErrorAlarmCheckParameters ReadParameters(ParameterReader reader)
    {
        var require = reader.GetBoolean("requireAlarmAction") ?? true;
        double? max = null;
        if (reader.GetString("maxThreshold") is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0) max = value;
            else reader.AddProblem($"parameter 'maxThreshold' value '{text}' is not accepted; expected a number of at least 0 such as 1 or 0.05 (the highest alarm threshold allowed).");
        }
        return new LambdaErrorAlarmCheckParameters(require, max);
    }

    protected override async ValueTask<Verdict> EvaluateAsync(
        ConfigurationItem item, LambdaErrorAlarmCheckParameters parameters, RuleContext context, CancellationToken cancellationToken)
    {
        var functionName = RecordedFields.String(item.Configuration, "functionName") ?? item.ResourceName ?? item.ResourceId;
        var lookup = context.Services.GetRequired<IErrorAlarmLookup>();
        var found = await context.Memo.GetOrAddAsync(AlarmsMemoKey, lookup.FindMetricAlarmsAsync, cancellationToken).ConfigureAwait(false);
        if (found.NotApplicableVerdict is { } unknown) return unknown;
        var own = found.Value.Where(alarm => SameAccountAndRegion(alarm, item)).OrderBy(alarm => alarm.Name, StringComparer.Ordinal).ToList();
        var watching = own.Where(alarm => ErrorMetrics.Watches(alarm, functionName)).ToList();
        if (watching.Count == 0 && Undecided(own, functionName) is { } note) return Verdict.NotApplicable(note);
        return Judge(functionName, watching, parameters);
    }

    /// <summary>
    /// Before deployment, an alarm on the errors of a function the template names only at deployment may be the one
    /// watching this function: without a known alarm, that cannot be told (never "no alarm").
    /// </summary>
    private static string? Undecided(List<ErrorAlarm> alarms, string functionName)
    {
        foreach (var alarm in alarms)
        {
            if (ErrorMetrics.UndecidedErrorsQuery(alarm) is { } query)
                return $"Alarm {alarm.Name} watches {ErrorMetrics.Namespace} {ErrorMetrics.MetricName} of a function its {ErrorMetrics.Dimension} dimension ({query.UndecidedFunctionProperty}) names only at deployment; " +
                    $"whether it watches {functionName} cannot be told before deployment.";
        }
        return null;
    }

    private static Verdict Judge(string functionName, List<ErrorAlarm> watching, LambdaErrorAlarmCheckParameters parameters)
    {
        if (watching.Count == 0)
            return Verdict.NonCompliant(
                $"No metric alarm watches the errors of {functionName} (AWS/Lambda Errors, FunctionName={functionName}, directly or in metric math); create one with an alarm action.");
        foreach (var alarm in watching)
        {
            if (Shortfall(alarm, parameters) is null)
                return Verdict.Compliant($"Alarm {alarm.Name} watches the function's errors{(alarm.HasAlarmAction ? " and notifies" : "")}.");
        }
        var first = watching[0];
        var others = watching.Count > 1 ? $" ({watching.Count - 1} other alarm(s) fall short too)" : "";
        return Verdict.NonCompliant($"Alarm {first.Name} watches the errors of {functionName} but {Shortfall(first, parameters)}{others}.");
    }

    /// <summary>Why an alarm on the function's errors does not count, or null when it does.</summary>
    private static string? Shortfall(ErrorAlarm alarm, LambdaErrorAlarmCheckParameters parameters)
    {
        if (parameters.RequireAlarmAction && !alarm.HasAlarmAction)
            return alarm.AlarmActions.Count == 0 ? "has no alarm action; add one (an SNS topic, say)" : "has its actions disabled; enable them";
        if (parameters.MaxThreshold is { } max)
        {
            if (alarm.Threshold is not { } threshold) return $"has no static threshold to compare with maxThreshold {Format(max)}";
            if (threshold > max) return $"its threshold {Format(threshold)} is above the maximum of {Format(max)}; lower it";
        }
        return null;
    }

    /// <summary>Offline input may hold several accounts and regions; an alarm only watches functions of its own.</summary>
    private static bool SameAccountAndRegion(ErrorAlarm alarm, ConfigurationItem item) =>
        (alarm.AccountId is null || item.AwsAccountId is null || alarm.AccountId == item.AwsAccountId) &&
        (alarm.Region is null || item.AwsRegion is null || alarm.Region == item.AwsRegion);

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
