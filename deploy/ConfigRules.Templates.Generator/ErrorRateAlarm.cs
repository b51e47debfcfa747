using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates;

/// <summary>
/// Each function's alarm on its error rate: metric math over Lambda's Errors and Invocations (percent of the
/// period's invocations that failed), threshold and period from stack parameters, notifying the operations topic.
/// A rate, not a count: a periodic rule that fails once in a quiet hour and a flood of failures during a deploy
/// are told apart, and the alarm still names Errors (lambda-error-alarm-check accepts metric-math alarms).
/// </summary>
public static class ErrorRateAlarm
{
    public const string ThresholdParameter = "ErrorRateAlarmThresholdPercent";
    public const string PeriodParameter = "ErrorRateAlarmPeriodSeconds";
    public const string EvaluationPeriodsParameter = "ErrorRateAlarmEvaluationPeriods";

    /// <summary>Periods CloudWatch accepts for metric alarms of standard resolution (multiples of 60 s).</summary>
    public static readonly IReadOnlyList<long> Periods = [60, 300, 900, 3600];

    /// <summary>The rate in percent; 0 when the function was not invoked (no division by zero, no false alarm).</summary>
    public static string RateExpression(string errorsId, string invocationsId) =>
        $"IF({invocationsId} > 0, 100 * {errorsId} / {invocationsId}, 0)";

    public static void AddParameters(YamlMap parameters) => parameters
        .Add(ThresholdParameter, new YamlMap().Add("Type", "Number").Add("Default", 5).Add("MinValue", 0).Add("MaxValue", 100)
            .Add("Description", "Error rate (percent of a function's invocations that failed in a period) at which its alarm notifies the operations topic."))
        .Add(PeriodParameter, new YamlMap().Add("Type", "Number").Add("Default", 300)
            .Add("AllowedValues", new YamlSequence(Periods.Select(period => (YamlNode)period)))
            .Add("Description", "Seconds over which each function's error rate is computed."))
        .Add(EvaluationPeriodsParameter, new YamlMap().Add("Type", "Number").Add("Default", 1).Add("MinValue", 1).Add("MaxValue", 24)
            .Add("Description", "Consecutive periods above the threshold before the alarm fires."));

    public static YamlMap Resource(HandlerSpec handler)
    {
        var function = new YamlMap().Add("Name", "FunctionName").Add("Value", Cfn.Ref(handler.Logical("Function")));
        return new YamlMap()
            .Add("Type", "AWS::CloudWatch::Alarm")
            .Add("Properties", new YamlMap()
                .Add("AlarmName", Cfn.Sub($"{handler.FunctionNameTemplate}-error-rate"))
                .Add("AlarmDescription",
                    $"{handler.Id} failed more of its invocations than the threshold allows (bad rule parameters, malformed events or AWS calls that failed after retries). See its log group.")
                .Add("Metrics", new YamlSequence(
                    LambdaMetric("errors", "Errors", function),
                    LambdaMetric("invocations", "Invocations", function),
                    new YamlMap()
                        .Add("Id", "rate")
                        .Add("Label", "Error rate (%)")
                        .Add("Expression", RateExpression("errors", "invocations"))
                        .Add("ReturnData", true)))
                .Add("EvaluationPeriods", Cfn.Ref(EvaluationPeriodsParameter))
                .Add("DatapointsToAlarm", Cfn.Ref(EvaluationPeriodsParameter))
                .Add("Threshold", Cfn.Ref(ThresholdParameter))
                .Add("ComparisonOperator", "GreaterThanThreshold")
                .Add("TreatMissingData", "notBreaching")
                .Add("AlarmActions", Cfn.List(Cfn.Ref("OperationsTopic")))
                .Add("OKActions", Cfn.List(Cfn.Ref("OperationsTopic"))));
    }

    private static YamlMap LambdaMetric(string id, string metricName, YamlMap dimension) => new YamlMap()
        .Add("Id", id)
        .Add("MetricStat", new YamlMap()
            .Add("Metric", new YamlMap()
                .Add("Namespace", "AWS/Lambda")
                .Add("MetricName", metricName)
                .Add("Dimensions", new YamlSequence(dimension)))
            .Add("Period", Cfn.Ref(PeriodParameter))
            .Add("Stat", "Sum"))
        .Add("ReturnData", false);
}
