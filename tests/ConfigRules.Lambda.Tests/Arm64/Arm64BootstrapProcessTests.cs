using System.Text.Json;
using ConfigRules.Testing.Metrics;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Arm64;

/// <summary>
/// The cross-compiled arm64 bootstrap end to end under qemu user-mode emulation, against the same loopback
/// Runtime API and AWS account as the x86_64 one: a subset of the process tests (change, oversized, periodic
/// batches, bad parameters, metric line), enough to show that the Graviton zip serves rules, signs its calls
/// (.NET's crypto through the arm64 OpenSSL) and reports failures. Emulation is slow: generous waits, few cases.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class Arm64BootstrapProcessTests
{
    private const string Handler = "lambda-runtime-check";

    [Test]
    public async Task A_change_notification_posts_one_signed_evaluation_and_writes_its_metric_line()
    {
        await using var function = LoopbackFunction.StartArm64(Handler);

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.ResourceId.Should().Be("orders-api");
        function.Aws.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200, "SigV4 works on arm64 (HMAC-SHA256 through OpenSSL)");
        var lines = await function.Process.WaitForLinesAsync(line => line.StartsWith("{\"_aws\":", StringComparison.Ordinal), 1, LoopbackFunction.Wait);
        EmfSpecification.Violations(lines[0]).Should().BeEmpty();
        using var metric = JsonDocument.Parse(lines[0]);
        metric.RootElement.GetProperty("NonCompliant").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task A_periodic_run_pages_batches_and_clears_stale_results()
    {
        const int functions = 120;
        await using var function = LoopbackFunction.StartArm64(Handler, aws =>
        {
            for (var i = 0; i < functions; i++)
            {
                var name = $"fn-{i:D3}";
                aws.Config.Put(FunctionItems.ResourceType, name, Configuration(Function(name, i % 3 == 0 ? "python3.8" : "python3.13")));
            }
            aws.Config.SeedResult(ConfigRuleEvents.DefaultConfigRuleName, FunctionItems.ResourceType, "removed-function", "NON_COMPLIANT", "old result");
        });

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Scheduled());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("config", "PutEvaluations").Should().HaveCount(3, "two batches for 120 functions, one for the stale result");
        var accepted = function.Aws.Config.AcceptedEvaluations;
        accepted.Should().HaveCount(functions + 1);
        accepted.Count(e => e.ComplianceType == "NON_COMPLIANT").Should().Be(40);
        accepted.Single(e => e.ResourceId == "removed-function").ComplianceType.Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task Invalid_parameters_fail_the_invocation_and_the_process_serves_the_next_one()
    {
        await using var function = LoopbackFunction.StartArm64(Handler);
        var parameters = new Dictionary<string, string> { ["deprecationWindowDays"] = "soon" };

        var bad = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8"), parameters));
        var good = await function.InvokeAsync(ConfigRuleEvents.Change(Function("after-bad", "python3.13")));

        bad.IsError.Should().BeTrue();
        bad.ErrorType.Should().Be("InvalidParameterValueException");
        bad.ErrorMessage.Should().Contain("deprecationWindowDays");
        good.IsError.Should().BeFalse(good.ToString());
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.ResourceId.Should().Be("after-bad");
    }
}
