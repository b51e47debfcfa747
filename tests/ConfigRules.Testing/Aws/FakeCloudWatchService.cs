using System.Globalization;
using System.Xml.Linq;

namespace ConfigRules.Testing.Aws;

/// <summary>A dimension of a fake alarm's metric.</summary>
public sealed record FakeDimension(string Name, string Value);

/// <summary>A metric of a metric-math alarm (MetricStat), or an expression over other queries when <see cref="Expression"/> is set.</summary>
public sealed record FakeMetricQuery(string Id, string? Namespace = null, string? MetricName = null, IReadOnlyList<FakeDimension>? Dimensions = null,
    string? Expression = null, bool? ReturnData = null);

/// <summary>A metric alarm in the fake CloudWatch account.</summary>
public sealed record FakeMetricAlarm(string AlarmName, string? Namespace, string? MetricName, IReadOnlyList<FakeDimension> Dimensions,
    double? Threshold, bool ActionsEnabled, IReadOnlyList<string> AlarmActions, IReadOnlyList<FakeMetricQuery>? Metrics = null);

/// <summary>The fake CloudWatch service: DescribeAlarms (awsQuery, Version 2010-08-01), paged by NextToken.</summary>
public sealed class FakeCloudWatchService
{
    public const string Version = "2010-08-01";
    public const string XmlNamespace = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "Action", "Version", "MaxRecords", "NextToken", "AlarmNamePrefix", "StateValue", "ActionPrefix",
    };
    private readonly object _gate = new();
    private readonly List<FakeMetricAlarm> _alarms = [];

    /// <summary>Largest page DescribeAlarms returns (MaxRecords may lower it).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>An alarm on the Errors of a function: AWS/Lambda Errors, FunctionName = the function.</summary>
    public FakeMetricAlarm PutLambdaErrorsAlarm(string alarmName, string functionName, double threshold = 1, params string[] alarmActions) =>
        Put(new FakeMetricAlarm(alarmName, "AWS/Lambda", "Errors", [new("FunctionName", functionName)], threshold, alarmActions.Length > 0, alarmActions));

    public FakeMetricAlarm Put(FakeMetricAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        lock (_gate) _alarms.Add(alarm);
        return alarm;
    }

    internal LoopbackReply Handle(string action, LoopbackRequest request)
    {
        if (action != "DescribeAlarms") throw new FakeAwsErrorException(400, "InvalidAction", $"The loopback CloudWatch service does not implement {action}.");
        var form = request.Form;
        var unknown = form.Keys.Where(k => !KnownParameters.Contains(k) && !k.StartsWith("AlarmTypes.member.", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0) throw new FakeAwsErrorException(400, "InvalidParameterValue", $"Unknown parameters: {string.Join(", ", unknown)}.");
        var types = form.Where(p => p.Key.StartsWith("AlarmTypes.member.", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        if (types.Any(t => t is not ("MetricAlarm" or "CompositeAlarm")))
            throw new FakeAwsErrorException(400, "ValidationError", "AlarmTypes members must be MetricAlarm or CompositeAlarm.");
        var max = form.TryGetValue("MaxRecords", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 50;
        if (max is < 1 or > 100) throw new FakeAwsErrorException(400, "ValidationError", "MaxRecords must be 1 to 100.");
        var offset = 0;
        if (form.TryGetValue("NextToken", out var token) && (!token.StartsWith('t') || !int.TryParse(token[1..], out offset)))
            throw new FakeAwsErrorException(400, "InvalidNextToken", "The service returned an error: invalid NextToken.");

        List<FakeMetricAlarm> all;
        lock (_gate) all = [.. _alarms];
        // Without AlarmTypes, DescribeAlarms returns metric alarms only, as CloudWatch does.
        var page = types.Count == 0 || types.Contains("MetricAlarm") ? all.Skip(offset).Take(Math.Min(max, PageSize)).ToList() : [];
        var next = offset + page.Count;
        var content = new List<object> { new XElement("MetricAlarms", page.Select(AlarmElement)), new XElement("CompositeAlarms") };
        if (page.Count > 0 && next < all.Count) content.Add(new XElement("NextToken", "t" + next));
        return LoopbackReply.QueryResult("DescribeAlarms", XmlNamespace, [.. content]);
    }

    private static XElement AlarmElement(FakeMetricAlarm alarm)
    {
        var element = new XElement("member",
            new XElement("AlarmName", alarm.AlarmName),
            new XElement("AlarmArn", $"arn:aws:cloudwatch:us-east-1:123456789012:alarm:{alarm.AlarmName}"),
            new XElement("ActionsEnabled", alarm.ActionsEnabled ? "true" : "false"),
            new XElement("OKActions"),
            new XElement("AlarmActions", alarm.AlarmActions.Select(a => new XElement("member", a))),
            new XElement("InsufficientDataActions"),
            new XElement("StateValue", "OK"),
            new XElement("EvaluationPeriods", "1"),
            new XElement("ComparisonOperator", "GreaterThanOrEqualToThreshold"));
        if (alarm.Namespace is not null) element.Add(new XElement("Namespace", alarm.Namespace));
        if (alarm.MetricName is not null)
        {
            element.Add(new XElement("MetricName", alarm.MetricName), new XElement("Statistic", "Sum"), new XElement("Period", "60"));
            element.Add(Dimensions(alarm.Dimensions));
        }
        if (alarm.Threshold is { } threshold) element.Add(new XElement("Threshold", threshold.ToString("0.0###", CultureInfo.InvariantCulture)));
        if (alarm.Metrics is { } metrics) element.Add(new XElement("Metrics", metrics.Select(QueryElement)));
        return element;
    }

    private static XElement QueryElement(FakeMetricQuery query)
    {
        var element = new XElement("member", new XElement("Id", query.Id));
        if (query.Expression is not null) element.Add(new XElement("Expression", query.Expression));
        if (query.MetricName is not null)
            element.Add(new XElement("MetricStat",
                new XElement("Metric", new XElement("Namespace", query.Namespace), new XElement("MetricName", query.MetricName), Dimensions(query.Dimensions ?? [])),
                new XElement("Period", "60"), new XElement("Stat", "Sum")));
        if (query.ReturnData is { } returnData) element.Add(new XElement("ReturnData", returnData ? "true" : "false"));
        return element;
    }

    private static XElement Dimensions(IReadOnlyList<FakeDimension> dimensions) =>
        new("Dimensions", dimensions.Select(d => new XElement("member", new XElement("Name", d.Name), new XElement("Value", d.Value))));
}
