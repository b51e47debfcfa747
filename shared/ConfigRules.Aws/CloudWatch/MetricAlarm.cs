namespace ConfigRules.Aws.CloudWatch;

/// <summary>A metric alarm as DescribeAlarms returns it, reduced to what the rules read.</summary>
/// <param name="Namespace">The single metric's namespace; null for a metric-math alarm (see <see cref="Metrics"/>).</param>
/// <param name="Threshold">Null for an anomaly-detection alarm, which compares against a band (ThresholdMetricId).</param>
public sealed record MetricAlarm(
    string AlarmName,
    string? AlarmArn,
    bool ActionsEnabled,
    IReadOnlyList<string> AlarmActions,
    string? Namespace,
    string? MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    double? Threshold,
    string? ComparisonOperator,
    IReadOnlyList<AlarmMetricQuery> Metrics);

/// <summary>A metric dimension (name and value).</summary>
public sealed record MetricDimension(string Name, string Value);

/// <summary>
/// One query of a metric-math alarm's <c>Metrics</c>: either a metric (<c>MetricStat.Metric</c>) or an
/// <c>Expression</c> over the other queries' ids.
/// </summary>
public sealed record AlarmMetricQuery(
    string Id,
    string? Expression,
    string? Namespace,
    string? MetricName,
    IReadOnlyList<MetricDimension> Dimensions,
    bool ReturnData);
