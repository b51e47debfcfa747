namespace ConfigRules.Testing.Templates;

/// <summary>
/// Template fragments that several tests write the same way, as one-line YAML flow values, so that a test's
/// template reads as what is particular to it: <c>Metrics: {{TemplateSnippets.ErrorRateMetrics(...)}}</c>.
/// </summary>
public static class TemplateSnippets
{
    /// <summary>
    /// The <c>Metrics</c> of a metric-math error-rate alarm: <c>rate = errors / invocations</c> (the only query
    /// returning data) over the Lambda <c>Errors</c> and <c>Invocations</c> of the functions the two dimension values
    /// name (<c>!Ref Orders</c>, <c>!ImportValue shared</c>, a function name).
    /// </summary>
    public static string ErrorRateMetrics(string errorsFunction, string invocationsFunction) =>
        "[{ Id: rate, Expression: errors / invocations }, " +
        $"{{ Id: errors, ReturnData: false, MetricStat: {LambdaMetric("Errors", errorsFunction)} }}, " +
        $"{{ Id: invocations, ReturnData: false, MetricStat: {LambdaMetric("Invocations", invocationsFunction)} }}]";

    private static string LambdaMetric(string metricName, string function) =>
        $"{{ Stat: Sum, Period: 60, Metric: {{ Namespace: AWS/Lambda, MetricName: {metricName}, Dimensions: [{{ Name: FunctionName, Value: {function} }}] }} }}";
}
