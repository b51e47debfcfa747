using System.Text.Json;
using ConfigRules.Testing.Metrics;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// The metric line of each rule invocation, read from the published bootstrap's stdout as CloudWatch Logs reads
/// it: valid EMF, with counts equal to the evaluations the (loopback) Config service accepted.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MetricLineProcessTests
{
    private const string Handler = "lambda-runtime-check";

    [Test]
    public async Task A_periodic_run_writes_the_counts_config_accepted()
    {
        await using var function = LoopbackFunction.Start(Handler, aws =>
        {
            for (var i = 0; i < 12; i++)
            {
                var name = $"fn-{i:D2}";
                aws.Config.Put(FunctionItems.ResourceType, name, Configuration(Function(name, i % 4 == 0 ? "python3.8" : "python3.13")));
            }
            aws.Config.SeedResult(ConfigRuleEvents.DefaultConfigRuleName, FunctionItems.ResourceType, "removed-function", "NON_COMPLIANT", "old result");
        });

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Scheduled());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var line = await SingleMetricLineAsync(function);
        var accepted = function.Aws.Config.AcceptedEvaluations;
        line.GetProperty("Rule").GetString().Should().Be(Handler);
        line.GetProperty("requestId").GetString().Should().Be(outcome.RequestId);
        line.GetProperty("Evaluations").GetInt32().Should().Be(accepted.Count).And.Be(13);
        line.GetProperty("Compliant").GetInt32().Should().Be(accepted.Count(e => e.ComplianceType == "COMPLIANT"));
        line.GetProperty("NonCompliant").GetInt32().Should().Be(accepted.Count(e => e.ComplianceType == "NON_COMPLIANT")).And.Be(3);
        line.GetProperty("NotApplicable").GetInt32().Should().Be(accepted.Count(e => e.ComplianceType == "NOT_APPLICABLE")).And.Be(1);
        line.GetProperty("Duration").GetDouble().Should().BeGreaterThan(0);
    }

    [Test]
    public async Task A_failed_invocation_writes_errors_and_no_counts()
    {
        await using var function = LoopbackFunction.Start(Handler);
        var parameters = new Dictionary<string, string> { ["deprecationWindowDays"] = "soon" };

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8"), parameters));

        outcome.IsError.Should().BeTrue();
        var line = await SingleMetricLineAsync(function);
        line.GetProperty("Errors").GetInt32().Should().Be(1);
        line.TryGetProperty("Evaluations", out _).Should().BeFalse();
        function.Aws.Config.AcceptedEvaluations.Should().BeEmpty();
    }

    private static async Task<JsonElement> SingleMetricLineAsync(LoopbackFunction function)
    {
        var lines = await function.Process.WaitForLinesAsync(IsMetricLine, 1, LoopbackFunction.Wait);
        var text = lines.Should().ContainSingle("one invocation, one metric line").Subject;
        EmfSpecification.Violations(text).Should().BeEmpty(text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static bool IsMetricLine(string line) => line.StartsWith("{\"_aws\":", StringComparison.Ordinal);
}
