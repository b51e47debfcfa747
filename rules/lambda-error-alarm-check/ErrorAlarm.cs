using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>
/// A metric alarm as lambda-error-alarm-check sees it, whether from CloudWatch or from an <c>AWS::CloudWatch::Alarm</c>
/// item: a single-metric alarm is one query that returns its data; a metric-math alarm is its <c>Metrics</c>.
/// </summary>
/// <param name="Threshold">Null for an anomaly-detection alarm (it compares with a band, not a number).</param>
/// <param name="AccountId">The account and region the alarm lives in when read offline from several; null for the region's own (live).</param>
public sealed record ErrorAlarm(string Name, bool ActionsEnabled, IReadOnlyList<string> AlarmActions, double? Threshold, IReadOnlyList<AlarmQuery> Queries,
    string? AccountId = null, string? Region = null)
{
    /// <summary>Whether an action runs when the alarm fires.</summary>
    public bool HasAlarmAction => ActionsEnabled && AlarmActions.Count > 0;
}

/// <summary>A metric (namespace, name, dimensions) or an expression over other queries' ids.</summary>
public sealed record AlarmQuery(string Id, string? Namespace, string? MetricName, IReadOnlyDictionary<string, string> Dimensions, string? Expression, bool ReturnData)
{
    /// <summary>
    /// Before deployment: the template property holding a <c>FunctionName</c> dimension whose value only deployment
    /// decides (the metric's function cannot be told); null when every dimension is known, as it always is once deployed.
    /// </summary>
    public string? UndecidedFunctionProperty { get; init; }
}

/// <summary>
/// Where lambda-error-alarm-check reads the region's metric alarms: CloudWatch DescribeAlarms in the rule function,
/// the <c>AWS::CloudWatch::Alarm</c> items of the same input in the CLI, the template's alarms before deployment.
/// </summary>
public interface IErrorAlarmLookup
{
    /// <summary>Every metric alarm (the rule filters). Called once per run: the rule keeps the answer in <c>RuleContext.Memo</c>.</summary>
    Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What the rule calls: the alarms, or, offline, that the input holds none. A live lookup always answers; the
    /// offline index overrides this to say "not in the input" without an exception.
    /// </summary>
    async Task<LookupResult<IReadOnlyList<ErrorAlarm>>> FindMetricAlarmsAsync(CancellationToken cancellationToken) =>
        LookupResult.Found(await ListMetricAlarmsAsync(cancellationToken).ConfigureAwait(false));
}
