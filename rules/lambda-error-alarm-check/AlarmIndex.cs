using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaErrorAlarm;

/// <summary>
/// lambda-error-alarm-check's alarms offline: the <c>AWS::CloudWatch::Alarm</c> items of the same input (Config
/// records the DescribeAlarms shape in camelCase; templates map CloudFormation's PascalCase), reduced to the fields
/// the rule reads. Bounded by the number of alarms, not by the size of the input.
/// </summary>
public sealed class AlarmIndex(OfflineSource source) : RelatedItemIndex<IErrorAlarmLookup>([AlarmResourceType]), IErrorAlarmLookup
{
    public const string AlarmResourceType = "AWS::CloudWatch::Alarm";

    private readonly Dictionary<string, ErrorAlarm> _alarms = new(StringComparer.Ordinal);

    public OfflineSource Source { get; } = source;

    public int Count => _alarms.Count;

    public override IErrorAlarmLookup Service => this;

    public override bool ReportsReads => true;

    public override void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ResourceType != AlarmResourceType || item.IsDeletedOrNotRecorded || !item.HasConfiguration) return;
        var alarm = FromConfiguration(item.Configuration, item.ResourceName ?? item.ResourceId, Source.Kind == OfflineSourceKind.Template)
            with { AccountId = item.AwsAccountId, Region = item.AwsRegion };
        // Keyed by account and name: two accounts may both have an alarm "errors".
        var key = $"{item.AwsAccountId}/{item.AwsRegion}/{alarm.Name}";
        _alarms[key] = alarm;
        Stored(key);
    }

    /// <summary>The alarms of the input; without any, whether a function has one cannot be told (NOT_APPLICABLE with a note).</summary>
    public Task<LookupResult<IReadOnlyList<ErrorAlarm>>> FindMetricAlarmsAsync(CancellationToken cancellationToken)
    {
        AnsweredFromAll();
        return Task.FromResult(_alarms.Count > 0
            ? LookupResult<IReadOnlyList<ErrorAlarm>>.Found([.. _alarms.Values])
            : LookupResult<IReadOnlyList<ErrorAlarm>>.NotInInput(Source.Kind == OfflineSourceKind.Template
                ? $"The template defines no {AlarmResourceType}; an alarm defined in another stack cannot be seen before deployment."
                : $"The input holds no {AlarmResourceType} items; add the account's alarms to check whether one watches the function's errors."));
    }

    /// <summary>For callers without a verdict of their own: "not in the input" as a <see cref="NotInInputException"/>.</summary>
    public async Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken) =>
        (await FindMetricAlarmsAsync(cancellationToken).ConfigureAwait(false)).ValueOrThrow();

    /// <summary>
    /// An alarm from its recorded configuration (or a template's properties mapped the same way). In a template
    /// (<paramref name="fromTemplate"/>) a <c>FunctionName</c> dimension without a value is one only deployment decides.
    /// </summary>
    public static ErrorAlarm FromConfiguration(JsonElement configuration, string fallbackName, bool fromTemplate = false)
    {
        var name = RecordedFields.String(configuration, "alarmName") ?? fallbackName;
        var metrics = RecordedFields.Array(configuration, "metrics").ToList();
        IReadOnlyList<AlarmQuery> queries = metrics.Count > 0
            ? [.. metrics.Select((query, position) => ReadQuery(query, position, fromTemplate))]
            : [new AlarmQuery("metric", RecordedFields.String(configuration, "namespace"), RecordedFields.String(configuration, "metricName"),
                Dimensions(configuration), null, true)
                { UndecidedFunctionProperty = fromTemplate && HasUndecidedFunction(configuration) ? "Dimensions" : null }];
        return new ErrorAlarm(
            name,
            // CloudWatch and CloudFormation both default ActionsEnabled to true.
            RecordedFields.Boolean(configuration, "actionsEnabled") ?? true,
            RecordedFields.Strings(configuration, "alarmActions"),
            RecordedFields.Number(configuration, "threshold"),
            queries);
    }

    private static AlarmQuery ReadQuery(JsonElement query, int position, bool fromTemplate)
    {
        RecordedFields.TryGet(query, out var metricStat, "metricStat");
        RecordedFields.TryGet(metricStat, out var metric, "metric");
        var id = RecordedFields.String(query, "id") ?? $"query{position + 1}";
        return new AlarmQuery(
            id,
            RecordedFields.String(metric, "namespace"),
            RecordedFields.String(metric, "metricName"),
            Dimensions(metric),
            RecordedFields.String(query, "expression"),
            RecordedFields.Boolean(query, "returnData") ?? true)
        {
            UndecidedFunctionProperty = fromTemplate && HasUndecidedFunction(metric) ? $"Metrics[{id}].MetricStat.Metric.Dimensions" : null,
        };
    }

    /// <summary>A <c>FunctionName</c> dimension written without its value: the template mapping's mark for one deployment decides.</summary>
    private static bool HasUndecidedFunction(JsonElement owner) =>
        RecordedFields.Array(owner, "dimensions").Any(dimension =>
            RecordedFields.String(dimension, "name") == ErrorMetrics.Dimension && RecordedFields.String(dimension, "value") is null);

    private static Dictionary<string, string> Dimensions(JsonElement owner)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dimension in RecordedFields.Array(owner, "dimensions"))
        {
            if (RecordedFields.String(dimension, "name") is { } name && RecordedFields.String(dimension, "value") is { } value)
                result.TryAdd(name, value);
        }
        return result;
    }
}
