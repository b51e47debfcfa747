using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.Tests.Fakes;
using ConfigRules.Testing.Lambda;
using ConfigRules.Testing.Metrics;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.Bootstrap;

/// <summary>The notifier's and the remediation's metric lines, read from the published bootstrap's stdout.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class HandlerMetricLineProcessTests
{
    [TestCase("COMPLIANT", "NON_COMPLIANT", 1)]
    [TestCase("COMPLIANT", "NOT_APPLICABLE", 0)]
    public async Task The_notifier_counts_what_it_published(string old, string next, int published)
    {
        await using var function = LoopbackFunction.Start("compliance-notifier",
            aws => new Dictionary<string, string> { ["NOTIFICATION_TOPIC_ARN"] = aws.Sns.AddTopic() });

        var outcome = await function.InvokeAsync(new ComplianceChangeEvents { OldType = old, NewType = next }.ToBytes());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var line = await SingleMetricLineAsync(function);
        line.GetProperty("Handler").GetString().Should().Be("compliance-notifier");
        line.GetProperty("NoticesPublished").GetInt32().Should().Be(published).And.Be(function.Aws.Sns.Published.Count);
    }

    [Test]
    public async Task The_remediation_counts_a_change_and_a_failure_counts_an_error()
    {
        await using var function = LoopbackFunction.Start("api-gateway-endpoint-remediation", aws =>
        {
            aws.ApiGateway.PutRestApi("a1b2c3d4e5", "REGIONAL", "orders-api", null);
            return new Dictionary<string, string> { ["ENDPOINT_RULE_NAME"] = "api-gateway-endpoint-type-check" };
        });

        var made = await function.InvokeAsync(Encoding.UTF8.GetBytes("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpce-0123456789abcdef0"]}"""));
        var missing = await function.InvokeAsync(Encoding.UTF8.GetBytes("""{"RestApiId":"zzzzzzzzzz","VpcEndpointIds":["vpce-0123456789abcdef0"]}"""));

        made.IsError.Should().BeFalse(made.ToString());
        missing.IsError.Should().BeTrue();
        var lines = await MetricLinesAsync(function, 2);
        lines[0].GetProperty("Remediations").GetInt32().Should().Be(1);
        lines[0].GetProperty("ReEvaluations").GetInt32().Should().Be(0);
        lines[1].GetProperty("Errors").GetInt32().Should().Be(1);
        lines.Should().OnlyContain(line => line.GetProperty("Handler").GetString() == "api-gateway-endpoint-remediation");
    }

    private static async Task<JsonElement> SingleMetricLineAsync(LoopbackFunction function) =>
        (await MetricLinesAsync(function, 1)).Should().ContainSingle().Subject;

    private static async Task<IReadOnlyList<JsonElement>> MetricLinesAsync(LoopbackFunction function, int count)
    {
        var lines = await function.Process.WaitForLinesAsync(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal), count, LoopbackFunction.Wait);
        return [.. lines.Select(text =>
        {
            EmfSpecification.Violations(text).Should().BeEmpty(text);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        })];
    }
}
