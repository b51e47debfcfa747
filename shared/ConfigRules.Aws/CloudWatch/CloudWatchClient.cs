using System.Globalization;
using System.Xml.Linq;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.CloudWatch;

/// <summary>
/// Amazon CloudWatch over awsQuery (Version 2010-08-01): DescribeAlarms for the metric alarms of the region. The
/// service also speaks CBOR and JSON; awsQuery is the protocol every SDK still supports for it.
/// </summary>
public sealed class CloudWatchClient(AwsTransport transport, AwsEndpoint endpoint)
{
    public const string ApiVersion = "2010-08-01";

    /// <summary>The largest MaxRecords DescribeAlarms accepts.</summary>
    public const int PageSize = 100;

    private readonly AwsQueryProtocol _protocol = new(transport, AwsService.CloudWatch, endpoint, ApiVersion);

    public static CloudWatchClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.CloudWatch));

    /// <summary>DescribeAlarms for metric alarms only (composite alarms watch alarms, not metrics), every page.</summary>
    public async Task<IReadOnlyList<MetricAlarm>> DescribeMetricAlarmsAsync(CancellationToken cancellationToken)
    {
        var alarms = new List<MetricAlarm>();
        string? nextToken = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>>
            {
                new("AlarmTypes.member.1", "MetricAlarm"),
                new("MaxRecords", PageSize.ToString(CultureInfo.InvariantCulture)),
            };
            if (nextToken is not null) parameters.Add(new("NextToken", nextToken));
            var result = await _protocol.InvokeAsync("DescribeAlarms", parameters, cancellationToken).ConfigureAwait(false);
            alarms.AddRange(Members(XmlReading.Child(result, "MetricAlarms")).Select(ReadAlarm));
            var next = XmlReading.ChildValue(result, "NextToken");
            if (!string.IsNullOrEmpty(next) && next == nextToken)
                throw new AwsProtocolException("CloudWatch DescribeAlarms answered with the NextToken it was sent; paging would never end.");
            nextToken = string.IsNullOrEmpty(next) ? null : next;
        }
        while (nextToken is not null);
        return alarms;
    }

    private static MetricAlarm ReadAlarm(XElement alarm)
    {
        var name = XmlReading.ChildValue(alarm, "AlarmName")
            ?? throw new AwsProtocolException("CloudWatch DescribeAlarms answered with a metric alarm without <AlarmName>.");
        return new MetricAlarm(
            name,
            XmlReading.ChildValue(alarm, "AlarmArn"),
            ReadBool(alarm, "ActionsEnabled") ?? false,
            [.. Members(XmlReading.Child(alarm, "AlarmActions")).Select(member => member.Value)],
            XmlReading.ChildValue(alarm, "Namespace"),
            XmlReading.ChildValue(alarm, "MetricName"),
            ReadDimensions(XmlReading.Child(alarm, "Dimensions")),
            ReadDouble(alarm, "Threshold", name),
            XmlReading.ChildValue(alarm, "ComparisonOperator"),
            [.. Members(XmlReading.Child(alarm, "Metrics")).Select(query => ReadQuery(query, name))]);
    }

    private static AlarmMetricQuery ReadQuery(XElement query, string alarmName)
    {
        var metric = XmlReading.Child(XmlReading.Child(query, "MetricStat"), "Metric");
        return new AlarmMetricQuery(
            XmlReading.ChildValue(query, "Id") ?? throw new AwsProtocolException($"CloudWatch DescribeAlarms: a query of alarm {alarmName} has no <Id>."),
            XmlReading.ChildValue(query, "Expression"),
            XmlReading.ChildValue(metric, "Namespace"),
            XmlReading.ChildValue(metric, "MetricName"),
            ReadDimensions(XmlReading.Child(metric, "Dimensions")),
            // The model's default: a query without ReturnData returns its data.
            ReadBool(query, "ReturnData") ?? true);
    }

    private static IReadOnlyList<MetricDimension> ReadDimensions(XElement? dimensions) =>
        [.. Members(dimensions).Select(d => new MetricDimension(XmlReading.ChildValue(d, "Name") ?? string.Empty, XmlReading.ChildValue(d, "Value") ?? string.Empty))];

    /// <summary>awsQuery lists of this service are wrapped: <c>&lt;List&gt;&lt;member&gt;…&lt;/member&gt;&lt;/List&gt;</c>.</summary>
    private static IEnumerable<XElement> Members(XElement? list) => list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    private static bool? ReadBool(XElement parent, string name) =>
        XmlReading.ChildValue(parent, name) is { } text ? bool.TryParse(text, out var value) ? value
            : throw new AwsProtocolException($"CloudWatch DescribeAlarms: <{name}> is '{text}', not true or false.") : null;

    private static double? ReadDouble(XElement parent, string name, string alarmName) =>
        XmlReading.ChildValue(parent, name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                : throw new AwsProtocolException($"CloudWatch DescribeAlarms: alarm {alarmName} has <{name}> '{text}', not a number.")
            : null;
}
