using System.Text.Json;
using ConfigRules.Hosting.Metrics;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>The deploy stack's fleet view: Architecture, the error-rate alarms to a person, the dashboard of the metric lines.</summary>
public class FleetMonitoringTests
{
    private static readonly string[] Handlers =
    [
        .. RuleCatalog.Definitions.Select(rule => rule.Id), "compliance-notifier", "api-gateway-endpoint-remediation", "cloudformation-hook",
    ];

    private static Dictionary<string, object?> Stack => CommittedTemplates.Load(TemplateSet.DeployStack);

    private static Dictionary<string, object?> Resource(string logicalId) => Stack.Map("Resources").Map(logicalId);

    [Test]
    public void Architecture_defaults_to_arm64_and_picks_the_zip()
    {
        var parameter = Stack.Map("Parameters").Map("Architecture");
        parameter.Str("Default").Should().Be("arm64");
        parameter.List("AllowedValues").Should().Equal("arm64", "x86_64");
        Stack.Map("Parameters").Map("CodeS3KeyArm64").Str("Default").Should().Be("config-rules-lambda-arm64.zip");
        Stack.Map("Parameters").Map("CodeS3Key").Str("Default").Should().Be("config-rules-lambda.zip");
        Stack.Map("Conditions").Map("IsArm64").List("Fn::Equals").Should().BeEquivalentTo(new List<object?> { "arm64", Cfn.Ref("Architecture") });
    }

    [TestCaseSource(nameof(Handlers))]
    public void Each_function_has_an_error_rate_alarm_over_errors_and_invocations_to_the_operations_topic(string handler)
    {
        var name = Naming.Pascal(handler);
        var alarm = Resource(name + "ErrorRateAlarm").Map("Properties");
        var metrics = alarm.List("Metrics");
        var stats = metrics.Where(metric => metric.Get("MetricStat") is not null).ToDictionary(metric => metric.Str("Id")!, metric => metric.Map("MetricStat"));
        stats.Should().HaveCount(2);
        foreach (var (id, metricName) in new[] { ("errors", "Errors"), ("invocations", "Invocations") })
        {
            var stat = stats[id];
            stat.Map("Metric").Str("Namespace").Should().Be("AWS/Lambda");
            stat.Map("Metric").Str("MetricName").Should().Be(metricName);
            stat.Map("Metric").List("Dimensions").Single().Get("Value").Should().BeEquivalentTo(Cfn.Ref(name + "Function"));
            stat.Get("Period").Should().BeEquivalentTo(Cfn.Ref("ErrorRateAlarmPeriodSeconds"));
            stat.Str("Stat").Should().Be("Sum");
        }
        var rate = metrics.Single(metric => metric.Get("Expression") is not null);
        rate.Str("Expression").Should().Be("IF(invocations > 0, 100 * errors / invocations, 0)");
        metrics.Where(metric => metric.Str("ReturnData") == "true").Should().ContainSingle().Which.Should().BeSameAs(rate);
        alarm.Get("Threshold").Should().BeEquivalentTo(Cfn.Ref("ErrorRateAlarmThresholdPercent"));
        alarm.Str("ComparisonOperator").Should().Be("GreaterThanThreshold");
        alarm.List("AlarmActions").Should().ContainSingle().Which.Should().BeEquivalentTo(Cfn.Ref("OperationsTopic"));
    }

    [Test]
    public void The_alarms_reach_the_operations_email_address_and_no_subscription_exists_without_one()
    {
        Stack.Map("Parameters").Map("OperationsEmail").Str("Default").Should().BeEmpty();
        Stack.Map("Conditions").Map("HasOperationsEmail").List("Fn::Not").Should().ContainSingle();
        var subscription = Resource("OperationsTopicEmailSubscription");
        subscription.Str("Condition").Should().Be("HasOperationsEmail");
        subscription.Map("Properties").Str("Protocol").Should().Be("email");
        subscription.Map("Properties").Get("Endpoint").Should().BeEquivalentTo(Cfn.Ref("OperationsEmail"));
        subscription.Map("Properties").Get("TopicArn").Should().BeEquivalentTo(Cfn.Ref("OperationsTopic"));
        Stack.Map("Parameters").Map("ErrorRateAlarmThresholdPercent").Str("Default").Should().Be("5");
        Stack.Map("Parameters").Map("ErrorRateAlarmPeriodSeconds").Str("Default").Should().Be("300");
    }

    [Test]
    public void The_dashboard_shows_each_rule_evaluations_trend_durations_errors_and_hook_decisions()
    {
        using var body = DashboardBody();
        var widgets = body.RootElement.GetProperty("widgets").EnumerateArray().ToList();
        var titles = widgets.Select(widget => widget.GetProperty("properties").GetProperty("title").GetString()).ToList();

        foreach (var rule in RuleCatalog.Definitions)
        {
            var evaluations = Widget(widgets, $"{rule.Id}: evaluations by compliance type");
            Rows(evaluations).Should().BeEquivalentTo(new[]
            {
                new[] { "ConfigRules", "Compliant", "Rule", rule.Id },
                ["ConfigRules", "NonCompliant", "Rule", rule.Id],
                ["ConfigRules", "NotApplicable", "Rule", rule.Id],
            });
        }
        Rows(Widget(widgets, "Non-compliant evaluations per rule (trend)")).Select(row => row[3])
            .Should().BeEquivalentTo(RuleCatalog.Definitions.Select(rule => rule.Id));
        foreach (var percentile in new[] { "p50", "p90", "p99" })
        {
            var duration = Widget(widgets, $"Rule duration {percentile} (ms)");
            duration.GetProperty("properties").GetProperty("stat").GetString().Should().Be(percentile);
            Rows(duration).Should().OnlyContain(row => row[1] == "Duration").And.HaveCount(RuleCatalog.Definitions.Count);
        }
        Rows(Widget(widgets, "Failed invocations per function (Lambda Errors)")).Select(row => row[3])
            .Should().BeEquivalentTo(Handlers.Select(handler => $"${{FunctionNamePrefix}}-{handler}"));
        Rows(Widget(widgets, "Deployment hook decisions")).Should().BeEquivalentTo(new[]
        {
            new[] { "ConfigRules", "Decisions", "HookStatus", "SUCCESS" },
            ["ConfigRules", "Decisions", "HookStatus", "FAILED"],
            ["ConfigRules", "InternalFailures", "HookStatus", "FAILED"],
        });
        titles.Should().OnlyHaveUniqueItems();
        widgets.Should().OnlyContain(widget => widget.GetProperty("x").GetInt32() + widget.GetProperty("width").GetInt32() <= 24, "the grid is 24 columns wide");
        widgets.Should().OnlyContain(widget => widget.GetProperty("properties").GetProperty("region").GetString() == "${AWS::Region}");
    }

    [Test]
    public void The_dashboard_body_only_substitutes_the_region_and_the_function_prefix()
    {
        var text = Resource("FleetDashboard").Map("Properties").Map("DashboardBody").Str("Fn::Sub")!;
        var variables = System.Text.RegularExpressions.Regex.Matches(text, @"\$\{([^}]*)\}").Select(match => match.Groups[1].Value).Distinct();
        variables.Should().BeEquivalentTo(["AWS::Region", "FunctionNamePrefix"], "every other ${...} would break the !Sub");
    }

    [Test]
    public void The_hook_row_reads_the_namespace_metrics_and_dimension_the_hook_writes()
    {
        var output = new MemoryStream();
        var time = TimeProvider.System;
        MetricLines.For(new RuntimeLogger(output, time).ForRequest("r"), time).HookDecided("FAILED", 2, 1, internalFailure: true, TimeSpan.FromMilliseconds(1));
        using var line = JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(output.ToArray()).Trim());
        var directive = line.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        var written = directive.GetProperty("Metrics").EnumerateArray().Select(metric => metric.GetProperty("Name").GetString()).ToList();
        var dimension = directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()).Should().ContainSingle().Subject;

        using var body = DashboardBody();
        var widgets = body.RootElement.GetProperty("widgets").EnumerateArray().ToList();
        foreach (var row in Rows(Widget(widgets, "Deployment hook decisions")))
        {
            row[0].Should().Be(directive.GetProperty("Namespace").GetString());
            written.Should().Contain(row[1]);
            row[2].Should().Be(dimension);
            row[3].Should().BeOneOf("SUCCESS", "FAILED");
        }
    }

    private static JsonDocument DashboardBody() =>
        JsonDocument.Parse(Resource("FleetDashboard").Map("Properties").Map("DashboardBody").Str("Fn::Sub")!);

    private static JsonElement Widget(List<JsonElement> widgets, string title) =>
        widgets.Should().ContainSingle(widget => widget.GetProperty("properties").GetProperty("title").GetString() == title, title).Subject;

    /// <summary>The metric rows of a widget as their strings (namespace, name, dimension pairs), options left out.</summary>
    private static List<string[]> Rows(JsonElement widget) =>
    [
        .. widget.GetProperty("properties").GetProperty("metrics").EnumerateArray()
            .Select(row => row.EnumerateArray().Where(part => part.ValueKind == JsonValueKind.String).Select(part => part.GetString()!).ToArray())
            .Where(row => row.Length > 0),
    ];
}
