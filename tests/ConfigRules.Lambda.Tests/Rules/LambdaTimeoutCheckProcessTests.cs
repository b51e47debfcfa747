using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Lambda.Tests.Fixtures.ItemEdits;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-timeout-check end to end through the published bootstrap.</summary>
[TestFixture]
public sealed class LambdaTimeoutCheckProcessTests : RuleProcessTests
{
    private const string Range10To60 = """{"minTimeout":"10","maxTimeout":"60"}""";

    protected override string Handler => "lambda-timeout-check";

    protected override string ResourceType => LambdaFunctionItems.ResourceType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(FunctionResources.Function("timeout-oversized", ("timeout", Number("900.0"))));
        aws.Config.Put(FunctionResources.Function("timeout-short", ("timeout", Number("1.0"))));
        aws.Config.Put(FunctionResources.Function("timeout-limit", ("timeout", 300)));
        aws.Config.Put(FunctionResources.Function("timeout-long", ("timeout", Number("301.0"))));
    }

    [TestCase("900.0", Range10To60, "NON_COMPLIANT",
        "Timeout 900 s exceeds the maximum of 60 s; lower Timeout or raise lambda-timeout-check's maxTimeout.")]
    [TestCase("3.0", Range10To60, "NON_COMPLIANT",
        "Timeout 3 s is below the minimum of 10 s; raise Timeout or lower lambda-timeout-check's minTimeout.")]
    [TestCase("10.0", Range10To60, "COMPLIANT", null)]
    [TestCase("60", Range10To60, "COMPLIANT", null)]
    [TestCase("900", "{}", "NON_COMPLIANT",
        "Timeout 900 s exceeds the maximum of 300 s; lower Timeout or raise lambda-timeout-check's maxTimeout.")]
    [TestCase("30.0", "{}", "COMPLIANT", null)]
    public async Task A_change_notification_judges_the_timeout_against_the_inclusive_range(
        string timeout, string parameters, string complianceType, string? annotation)
    {
        var item = LambdaFunctionItems.InvokingEventShape("orders-api", "nodejs22.x").Configure(("timeout", Number(timeout)));

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(LambdaFunctionItems.Summary("timeout-oversized"), JsonNode.Parse(Range10To60)!.AsObject()));

        ShouldHaveFetchedHistory("timeout-oversized");
        var evaluation = SingleEvaluation(invocation, ResourceType, "timeout-oversized", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be("Timeout 900 s exceeds the maximum of 60 s; lower Timeout or raise lambda-timeout-check's maxTimeout.");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("timeout-removed");

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["timeout-oversized"] = "NON_COMPLIANT",
            ["timeout-short"] = "COMPLIANT",
            ["timeout-limit"] = "COMPLIANT",
            ["timeout-long"] = "NON_COMPLIANT",
        }, "timeout-removed");
    }

    [TestCase("""{"maxTimeout":"5 minutes"}""", "maxTimeout")]
    [TestCase("""{"minTimeout":"120","maxTimeout":"60"}""", "minTimeout")]
    [TestCase("""{"maxTimeout":"901"}""", "maxTimeout")]
    [TestCase("""{"minTimeout":"0"}""", "minTimeout")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named)
    {
        var invocation = await ChangeAsync(LambdaFunctionItems.InvokingEventShape("orders-api", "nodejs22.x"), JsonNode.Parse(parameters)!.AsObject());

        ShouldFailNaming(invocation, named);
    }
}
