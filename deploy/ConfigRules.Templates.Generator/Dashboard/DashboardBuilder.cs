using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConfigRules.Hosting.Metrics;
using ConfigRules.Templates.Yaml;

namespace ConfigRules.Templates.Dashboard;

/// <summary>
/// The fleet's CloudWatch dashboard, from the metric lines the functions write (namespace ConfigRules) and
/// Lambda's own metrics: per rule its evaluations by compliance type, the non-compliant trend, duration
/// percentiles, errors and error rates, and the deployment hook's decisions.
/// </summary>
public static class DashboardBuilder
{
    public const string LogicalId = "FleetDashboard";
    public const string Region = "${AWS::Region}";
    public const int Period = 300;
    public static readonly IReadOnlyList<string> HookStatuses = ["SUCCESS", "FAILED"];
    public static readonly IReadOnlyList<string> DurationPercentiles = ["p50", "p90", "p99"];
    public static readonly IReadOnlyList<string> ComplianceMetrics = ["Compliant", "NonCompliant", "NotApplicable"];

    private const int GridWidth = 24;

    public static YamlMap Resource() => new YamlMap()
        .Add("Type", "AWS::CloudWatch::Dashboard")
        .Add("Properties", new YamlMap()
            .Add("DashboardName", Cfn.Sub("${FunctionNamePrefix}-fleet"))
            .Add("DashboardBody", Cfn.Sub(Body()), "Built from typed records (Dashboard/DashboardDocument.cs); !Sub fills in the region and the function names."));

    public static string Body()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // The body sits in a YAML string for people to read: keep quotes and apostrophes as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return JsonSerializer.Serialize(Document(), new DashboardJsonContext(options).DashboardDocument);
    }

    public static DashboardDocument Document()
    {
        var layout = new GridLayout();
        var widgets = new List<DashboardWidget>();
        foreach (var rule in Handlers.Rules)
        {
            widgets.Add(layout.Place(8, 6, Widget($"{rule.Id}: evaluations by compliance type", "timeSeries", stacked: true, "Sum",
                [.. ComplianceMetrics.Select(metric => RuleMetric(metric, rule.Id, metric))])));
        }
        layout.NewRow();
        widgets.Add(layout.Place(GridWidth, 6, Widget("Non-compliant evaluations per rule (trend)", "timeSeries", stacked: false, "Sum",
            [.. Handlers.Rules.Select(rule => RuleMetric("NonCompliant", rule.Id, rule.Id))])));
        foreach (var percentile in DurationPercentiles)
        {
            widgets.Add(layout.Place(8, 6, Widget($"Rule duration {percentile} (ms)", "timeSeries", stacked: false, percentile,
                [.. Handlers.Rules.Select(rule => RuleMetric("Duration", rule.Id, rule.Id))])));
        }
        widgets.Add(layout.Place(12, 6, Widget("Failed invocations per function (Lambda Errors)", "timeSeries", stacked: false, "Sum",
            [.. Handlers.All.Select(handler => LambdaMetric("Errors", handler))])));
        widgets.Add(layout.Place(12, 6, Widget("Error rate per function (%)", "timeSeries", stacked: false, "Sum",
            [.. Handlers.All.SelectMany(ErrorRateRows)])));
        widgets.Add(layout.Place(12, 6, Widget("Deployment hook decisions", "timeSeries", stacked: false, "Sum", HookRows())));
        widgets.Add(layout.Place(12, 6, Widget("Notices published and remediations", "timeSeries", stacked: false, "Sum",
        [
            MetricRow.Metric(MetricLines.Namespace, "NoticesPublished", [new("Handler", Naming.ComplianceNotifier)], new MetricRowOptions { Label = "notices published" }),
            MetricRow.Metric(MetricLines.Namespace, "Remediations", [new("Handler", Naming.EndpointRemediation)], new MetricRowOptions { Label = "REST APIs made private" }),
        ])));
        return new DashboardDocument(widgets);
    }

    /// <summary>Errors and Invocations of one function (hidden) and 100 * errors / invocations, as the alarm computes it.</summary>
    private static IEnumerable<MetricRow> ErrorRateRows(HandlerSpec handler, int index)
    {
        var errors = $"e{index}";
        var invocations = $"i{index}";
        yield return LambdaMetric("Errors", handler) with { Options = new MetricRowOptions { Id = errors, Visible = false } };
        yield return LambdaMetric("Invocations", handler) with { Options = new MetricRowOptions { Id = invocations, Visible = false } };
        yield return MetricRow.Expression(ErrorRateAlarm.RateExpression(errors, invocations), $"r{index}", handler.Id);
    }

    /// <summary>
    /// The hook's decisions by hookStatus, as its metric lines name them, and among the FAILED ones those that judged
    /// nothing (a request or payload it could not read): those are no finding and no Lambda error either.
    /// </summary>
    private static IReadOnlyList<MetricRow> HookRows() =>
    [
        .. HookStatuses.Select(status => HookMetric(nameof(HookDecisionLine.Decisions), status, status)),
        HookMetric(nameof(HookDecisionLine.InternalFailures), "FAILED", "could not judge (InternalFailure)"),
    ];

    private static MetricRow HookMetric(string metric, string status, string label) =>
        MetricRow.Metric(MetricLines.Namespace, metric, [new(nameof(HookDecisionLine.HookStatus), status)], new MetricRowOptions { Label = label });

    private static MetricRow RuleMetric(string metric, string ruleId, string label) =>
        MetricRow.Metric(MetricLines.Namespace, metric, [new("Rule", ruleId)], new MetricRowOptions { Label = label });

    private static MetricRow LambdaMetric(string metric, HandlerSpec handler) =>
        MetricRow.Metric("AWS/Lambda", metric, [new("FunctionName", handler.FunctionNameTemplate)], new MetricRowOptions { Label = handler.Id });

    private static MetricWidgetProperties Widget(string title, string view, bool stacked, string stat, IReadOnlyList<MetricRow> metrics) =>
        new(title, view, stacked, Region, Period, stat, metrics) { YAxis = new WidgetYAxis(new AxisRange(0)) };

    /// <summary>Places widgets left to right on the 24-column grid, wrapping to a new row when one does not fit.</summary>
    private sealed class GridLayout
    {
        private int _x;
        private int _y;
        private int _rowHeight;

        public DashboardWidget Place(int width, int height, MetricWidgetProperties properties)
        {
            if (_x + width > GridWidth) NewRow();
            var widget = new DashboardWidget("metric", _x, _y, width, height, properties);
            _x += width;
            _rowHeight = Math.Max(_rowHeight, height);
            return widget;
        }

        public void NewRow()
        {
            _y += _rowHeight;
            _x = 0;
            _rowHeight = 0;
        }
    }
}
