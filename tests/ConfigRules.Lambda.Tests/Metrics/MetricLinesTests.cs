using System.Text;
using System.Text.Json;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Hosting.Metrics;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Testing.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace ConfigRules.Lambda.Tests.Metrics;

/// <summary>The metric lines as CloudWatch Logs reads them: one EMF document per line, valid by the specification.</summary>
[TestFixture]
public sealed class MetricLinesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 30, 0, 250, TimeSpan.Zero);

    [Test]
    public void A_rule_invocation_writes_its_accepted_counts_under_the_rule_dimension()
    {
        var (lines, metrics) = Writer();

        metrics.RuleEvaluated(new InvocationReport("lambda-timeout-check", "ScheduledNotification", 7, 3, 2, 2, 1, 1), TimeSpan.FromMilliseconds(42.26));

        var line = SingleValidLine(lines);
        line.GetProperty("Rule").GetString().Should().Be("lambda-timeout-check");
        line.GetProperty("requestId").GetString().Should().Be("req-1");
        line.GetProperty("Evaluations").GetInt32().Should().Be(7);
        line.GetProperty("Compliant").GetInt32().Should().Be(3);
        line.GetProperty("NonCompliant").GetInt32().Should().Be(2);
        line.GetProperty("NotApplicable").GetInt32().Should().Be(2);
        line.GetProperty("Duration").GetDouble().Should().Be(42.3);
        line.TryGetProperty("Errors", out _).Should().BeFalse("a successful invocation has no Errors member");
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Namespace").GetString().Should().Be("ConfigRules");
        directive.GetProperty("Dimensions").EnumerateArray().Select(set => set.EnumerateArray().Select(d => d.GetString()).ToArray())
            .Should().BeEquivalentTo([new[] { "Rule" }]);
        directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString(), m.GetProperty("Unit").GetString()))
            .Should().Equal(("Evaluations", "Count"), ("Compliant", "Count"), ("NonCompliant", "Count"), ("NotApplicable", "Count"), ("Duration", "Milliseconds"));
        line.GetProperty("_aws").GetProperty("Timestamp").GetInt64().Should().Be(Now.ToUnixTimeMilliseconds());
    }

    [Test]
    public void A_failed_rule_invocation_writes_errors_instead_of_the_counts()
    {
        var (lines, metrics) = Writer();

        metrics.RuleFailed("lambda-runtime-check", TimeSpan.FromMilliseconds(5));

        var line = SingleValidLine(lines);
        line.GetProperty("Errors").GetInt32().Should().Be(1);
        line.GetProperty("Rule").GetString().Should().Be("lambda-runtime-check");
        foreach (var count in new[] { "Evaluations", "Compliant", "NonCompliant", "NotApplicable" })
            line.TryGetProperty(count, out _).Should().BeFalse($"{count} is not written for a failed invocation");
        MetricNames(line).Should().Equal("Errors", "Duration");
    }

    [Test]
    public void A_hook_decision_is_counted_by_its_status()
    {
        var (lines, metrics) = Writer();

        metrics.HookDecided("FAILED", annotations: 5, failedAnnotations: 2, internalFailure: false, TimeSpan.FromMilliseconds(12));

        var line = SingleValidLine(lines);
        line.GetProperty("HookStatus").GetString().Should().Be("FAILED");
        line.GetProperty("Decisions").GetInt32().Should().Be(1);
        line.GetProperty("Annotations").GetInt32().Should().Be(5);
        line.GetProperty("FailedAnnotations").GetInt32().Should().Be(2);
        line.GetProperty("InternalFailures").GetInt32().Should().Be(0);
        MetricNames(line).Should().Equal("Decisions", "Annotations", "FailedAnnotations", "InternalFailures", "Duration");
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Namespace").GetString().Should().Be("ConfigRules");
        directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()).Should().Equal("HookStatus");
    }

    [Test]
    public void A_hook_request_it_could_not_judge_counts_an_internal_failure()
    {
        var (lines, metrics) = Writer();

        metrics.HookDecided("FAILED", annotations: 0, failedAnnotations: 0, internalFailure: true, TimeSpan.FromMilliseconds(2));

        var line = SingleValidLine(lines);
        line.GetProperty("InternalFailures").GetInt32().Should().Be(1);
        line.GetProperty("FailedAnnotations").GetInt32().Should().Be(0);
    }

    [TestCase(true, 1)]
    [TestCase(false, 0)]
    public void The_notifier_counts_the_notices_it_published(bool published, int expected)
    {
        var (lines, metrics) = Writer();

        metrics.NoticeHandled("compliance-notifier", published, TimeSpan.FromMilliseconds(3));

        var line = SingleValidLine(lines);
        line.GetProperty("Handler").GetString().Should().Be("compliance-notifier");
        line.GetProperty("NoticesPublished").GetInt32().Should().Be(expected);
    }

    [Test]
    public void The_remediation_counts_remediations_and_re_evaluations_and_a_handler_failure_counts_errors()
    {
        var (lines, metrics) = Writer();

        metrics.RemediationHandled("api-gateway-endpoint-remediation", remediated: true, reEvaluationStarted: false, TimeSpan.FromMilliseconds(9));
        metrics.HandlerFailed("api-gateway-endpoint-remediation", TimeSpan.FromMilliseconds(1));

        lines().Should().HaveCount(2);
        foreach (var text in lines()) EmfSpecification.Violations(text).Should().BeEmpty(text);
        using var done = JsonDocument.Parse(lines()[0]);
        done.RootElement.GetProperty("Remediations").GetInt32().Should().Be(1);
        done.RootElement.GetProperty("ReEvaluations").GetInt32().Should().Be(0);
        using var failed = JsonDocument.Parse(lines()[1]);
        failed.RootElement.GetProperty("Errors").GetInt32().Should().Be(1);
        failed.RootElement.GetProperty("Handler").GetString().Should().Be("api-gateway-endpoint-remediation");
    }

    [Test]
    public void Metric_lines_are_written_whatever_the_log_level()
    {
        var output = new MemoryStream();
        var logger = new RuntimeLogger(output, new FakeTimeProvider(Now), LogLevel.Error).ForRequest("req-2");

        MetricLines.For(logger, new FakeTimeProvider(Now)).RuleFailed("lambda-timeout-check", TimeSpan.Zero);

        Encoding.UTF8.GetString(output.ToArray()).Should().Contain("\"Errors\":1", "metrics are data, not chatter a log level may drop");
    }

    /// <summary>The validator itself: each documented constraint, broken once, is reported.</summary>
    [TestCase("""{"Rule":"r","Errors":1}""", "_aws")]
    [TestCase("""{"_aws":{"Timestamp":"now","CloudWatchMetrics":[]}}""", "Timestamp")]
    [TestCase("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Rule"]],"Metrics":[{"Name":"Errors","Unit":"Count"}]}]},"Errors":1}""", "Dimension Rule")]
    [TestCase("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Rule"]],"Metrics":[{"Name":"Errors","Unit":"Count"}]}]},"Rule":"r","Errors":"1"}""", "Metric Errors")]
    [TestCase("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["Rule"]],"Metrics":[{"Name":"Errors","Unit":"Things"}]}]},"Rule":"r","Errors":1}""", "Unit")]
    [TestCase("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"","Dimensions":[],"Metrics":[]}]}}""", "Namespace")]
    [TestCase("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[],"Metrics":[],"Extra":1}]}}""", "Extra")]
    public void The_specification_check_reports_a_broken_document(string document, string named)
    {
        EmfSpecification.Violations(document).Should().Contain(problem => problem.Contains(named, StringComparison.Ordinal));
    }

    private static (Func<IReadOnlyList<string>> Lines, MetricLines Metrics) Writer()
    {
        var output = new MemoryStream();
        var time = new FakeTimeProvider(Now);
        var logger = new RuntimeLogger(output, time).ForRequest("req-1");
        IReadOnlyList<string> Lines() => Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (Lines, MetricLines.For(logger, time));
    }

    private static JsonElement SingleValidLine(Func<IReadOnlyList<string>> lines)
    {
        var text = lines().Should().ContainSingle().Subject;
        EmfSpecification.Violations(text).Should().BeEmpty(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static IEnumerable<string?> MetricNames(JsonElement line) =>
        line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString());
}
