using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Hosting.Metrics;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Testing.Metrics;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>Each hook decision writes one EMF line (contract 2.2, issue 16): counted by hookStatus, valid by the specification.</summary>
[TestFixture]
public sealed class HookMetricTests
{
    private const string Rules = """{"lambda-timeout-check": {"maxTimeout": "60"}, "lambda-memory-size-check": {}}""";

    [TestCase("900", "FAILED", 1)]
    [TestCase("30", "SUCCESS", 0)]
    public async Task A_judged_resource_is_one_decision_under_its_status_with_its_annotations(string timeout, string status, int failed)
    {
        var (lines, metrics) = Writer();

        var body = await Hook(Rules).HandleJsonAsync(Resource("AWS::Lambda::Function", Function(timeout: timeout)), metrics, CancellationToken.None);

        using var answer = JsonDocument.Parse(body);
        answer.RootElement.GetProperty("hookStatus").GetString().Should().Be(status);
        var line = SingleValidLine(lines);
        line.GetProperty("HookStatus").GetString().Should().Be(status);
        line.GetProperty("Decisions").GetInt32().Should().Be(1);
        line.GetProperty("Annotations").GetInt32().Should().Be(answer.RootElement.GetProperty("annotations").GetArrayLength()).And.Be(2);
        line.GetProperty("FailedAnnotations").GetInt32().Should().Be(failed);
        line.GetProperty("InternalFailures").GetInt32().Should().Be(0);
        line.GetProperty("requestId").GetString().Should().Be("req-hook");
    }

    [Test]
    public async Task A_request_it_cannot_read_is_a_failed_decision_counted_as_an_internal_failure()
    {
        var (lines, metrics) = Writer();

        var body = await Hook(Rules).HandleJsonAsync(Encoding.UTF8.GetBytes("{\"clientRequestToken\": "), metrics, CancellationToken.None);

        using var answer = JsonDocument.Parse(body);
        answer.RootElement.GetProperty("errorCode").GetString().Should().Be("InternalFailure");
        var line = SingleValidLine(lines);
        line.GetProperty("HookStatus").GetString().Should().Be("FAILED");
        line.GetProperty("InternalFailures").GetInt32().Should().Be(1);
        line.GetProperty("Annotations").GetInt32().Should().Be(0);
    }

    [Test]
    public async Task A_deletion_is_a_successful_decision_with_nothing_judged()
    {
        var (lines, metrics) = Writer();

        await Hook(Rules).HandleJsonAsync(Resource("AWS::Lambda::Function", Function(), action: "DELETE_PRE_PROVISION"), metrics, CancellationToken.None);

        var line = SingleValidLine(lines);
        line.GetProperty("HookStatus").GetString().Should().Be("SUCCESS");
        line.GetProperty("Annotations").GetInt32().Should().Be(0);
    }

    private static (Func<IReadOnlyList<string>> Lines, MetricLines Metrics) Writer()
    {
        var output = new MemoryStream();
        var time = new FakeTimeProvider(Now);
        var logger = new RuntimeLogger(output, time).ForRequest("req-hook");
        IReadOnlyList<string> Lines() => Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (Lines, MetricLines.For(logger, time));
    }

    private static JsonElement SingleValidLine(Func<IReadOnlyList<string>> lines)
    {
        var text = lines().Should().ContainSingle(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal)).Subject;
        EmfSpecification.Violations(text).Should().BeEmpty(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
