using ConfigRules.Aws.CloudWatch;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>The region's metric alarms from CloudWatch DescribeAlarms (every page).</summary>
public sealed class CloudWatchErrorAlarmLookup(CloudWatchClient client) : IErrorAlarmLookup
{
    public async Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken)
    {
        var alarms = await client.DescribeMetricAlarmsAsync(cancellationToken).ConfigureAwait(false);
        return [.. alarms.Select(ToErrorAlarm)];
    }

    public static ErrorAlarm ToErrorAlarm(MetricAlarm alarm)
    {
        IReadOnlyList<AlarmQuery> queries = alarm.Metrics.Count > 0
            ? [.. alarm.Metrics.Select(q => new AlarmQuery(q.Id, q.Namespace, q.MetricName, Dimensions(q.Dimensions), q.Expression, q.ReturnData))]
            : [new AlarmQuery("metric", alarm.Namespace, alarm.MetricName, Dimensions(alarm.Dimensions), null, true)];
        return new ErrorAlarm(alarm.AlarmName, alarm.ActionsEnabled, alarm.AlarmActions, alarm.Threshold, queries);
    }

    private static Dictionary<string, string> Dimensions(IReadOnlyList<MetricDimension> dimensions)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in dimensions) result.TryAdd(dimension.Name, dimension.Value);
        return result;
    }
}
