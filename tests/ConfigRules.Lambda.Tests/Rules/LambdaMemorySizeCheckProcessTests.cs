using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Lambda.Tests.Fixtures.ItemEdits;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-memory-size-check end to end through the published bootstrap.</summary>
[TestFixture]
public sealed class LambdaMemorySizeCheckProcessTests : RuleProcessTests
{
    private const string Range256To1024 = """{"minMemorySize":"256","maxMemorySize":"1024"}""";

    protected override string Handler => "lambda-memory-size-check";

    protected override string ResourceType => LambdaFunctionItems.ResourceType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(FunctionResources.Function("mem-oversized", ("memorySize", Number("10240.0"))));
        aws.Config.Put(FunctionResources.Function("mem-smallest", ("memorySize", Number("128.0"))));
        aws.Config.Put(FunctionResources.Function("mem-large", ("memorySize", 4096)));
        aws.Config.Put(FunctionResources.Function("mem-largest", ("memorySize", Number("3008.0"))));
    }

    [TestCase("128.0", Range256To1024, "NON_COMPLIANT",
        "Memory 128 MB is below the minimum of 256 MB; raise MemorySize or lower lambda-memory-size-check's minMemorySize.")]
    [TestCase("256.0", Range256To1024, "COMPLIANT", null)]
    [TestCase("1024", Range256To1024, "COMPLIANT", null)]
    [TestCase("1025.0", Range256To1024, "NON_COMPLIANT",
        "Memory 1025 MB is above the maximum of 1024 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.")]
    [TestCase("10240", "{}", "NON_COMPLIANT",
        "Memory 10240 MB is above the maximum of 3008 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.")]
    [TestCase("128", "{}", "COMPLIANT", null)]
    public async Task A_change_notification_judges_memorySize_against_the_inclusive_range(
        string memorySize, string parameters, string complianceType, string? annotation)
    {
        var item = LambdaFunctionItems.InvokingEventShape("orders-api", "python3.13").Configure(("memorySize", Number(memorySize)));

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(LambdaFunctionItems.Summary("mem-oversized")));

        ShouldHaveFetchedHistory("mem-oversized");
        var evaluation = SingleEvaluation(invocation, ResourceType, "mem-oversized", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be(
            "Memory 10240 MB is above the maximum of 3008 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.");
        Aws.Config.Current(ResourceType, "mem-oversized")!.ToApiShape(history: true)["configuration"]!.GetValue<string>()
            .Should().Contain("\"memorySize\":10240.0", "the API shape sends the configuration as text with numbers as doubles");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("mem-removed");

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["mem-oversized"] = "NON_COMPLIANT",
            ["mem-smallest"] = "COMPLIANT",
            ["mem-large"] = "NON_COMPLIANT",
            ["mem-largest"] = "COMPLIANT",
        }, "mem-removed");
    }

    [TestCase("""{"minMemorySize":"lots"}""", "minMemorySize")]
    [TestCase("""{"minMemorySize":"2048","maxMemorySize":"1024"}""", "minMemorySize")]
    [TestCase("""{"maxMemorySize":"20000"}""", "maxMemorySize")]
    [TestCase("""{"memorySize":"512"}""", "memorySize")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named)
    {
        var item = LambdaFunctionItems.InvokingEventShape("orders-api", "python3.13");

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        ShouldFailNaming(invocation, named);
    }
}
