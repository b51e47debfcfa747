using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Lambda.Tests.Fixtures.ItemEdits;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-code-size-check end to end through the published bootstrap.</summary>
[TestFixture]
public sealed class LambdaCodeSizeCheckProcessTests : RuleProcessTests
{
    private const string Max5Mb = """{"maxCodeSizeBytes":"5242880"}""";
    private const string Max5MbWithoutLayers = """{"maxCodeSizeBytes":"5242880","includeLayers":"false"}""";

    protected override string Handler => "lambda-code-size-check";

    protected override string ResourceType => LambdaFunctionItems.ResourceType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(FunctionResources.Function("code-oversized", ("codeSize", Number("12582912.0"))));
        aws.Config.Put(FunctionResources.Function("code-small", ("codeSize", Number("2048.0"))));
        aws.Config.Put(FunctionResources.Function("code-at-limit", ("codeSize", 10485760)));
        aws.Config.Put(FunctionResources.Function("code-layers", ("codeSize", 8388608), ("layers", Layers("2097153.0"))));
    }

    /// <summary>The layers field as Lambda records it: each layer's ARN and its size.</summary>
    private static JsonArray Layers(params string[] sizes) =>
        [.. sizes.Select((size, i) => (JsonNode)new JsonObject
        {
            ["arn"] = $"arn:aws:lambda:{LambdaFunctionItems.Region}:{LambdaFunctionItems.AccountId}:layer:shared-{i}:3",
            ["codeSize"] = Number(size),
        })];

    [TestCase("8388608.0", null, Max5Mb, "NON_COMPLIANT",
        "Code size 8388608 bytes (8 MB) exceeds the maximum of 5242880 bytes (5 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.")]
    [TestCase("4194304.0", "2097152.0", Max5Mb, "NON_COMPLIANT",
        "Code size 6291456 bytes (6 MB; function 4194304 + 1 layer 2097152) exceeds the maximum of 5242880 bytes (5 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.")]
    [TestCase("4194304.0", "2097152.0", Max5MbWithoutLayers, "COMPLIANT", null)]
    [TestCase("4194304", "1048576.0", Max5Mb, "COMPLIANT", null)]
    [TestCase("10485761", null, "{}", "NON_COMPLIANT",
        "Code size 10485761 bytes (10 MB) exceeds the maximum of 10485760 bytes (10 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.")]
    [TestCase("10485760.0", null, "{}", "COMPLIANT", null)]
    public async Task A_change_notification_judges_the_package_with_its_layers(
        string codeSize, string? layerSize, string parameters, string complianceType, string? annotation)
    {
        var item = LambdaFunctionItems.InvokingEventShape("orders-api", "python3.13").Configure(("codeSize", Number(codeSize)));
        if (layerSize is not null) item.Configure(("layers", Layers(layerSize)));

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, "orders-api", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(LambdaFunctionItems.Summary("code-oversized")));

        ShouldHaveFetchedHistory("code-oversized");
        var evaluation = SingleEvaluation(invocation, ResourceType, "code-oversized", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be(
            "Code size 12582912 bytes (12 MB) exceeds the maximum of 10485760 bytes (10 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("code-removed");

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["code-oversized"] = "NON_COMPLIANT",
            ["code-small"] = "COMPLIANT",
            ["code-at-limit"] = "COMPLIANT",
            ["code-layers"] = "NON_COMPLIANT",
        }, "code-removed");
        invocation.Evaluations.Single(e => e.ResourceId == "code-layers").Annotation
            .Should().Contain("function 8388608 + 1 layer 2097153", "layers count by default");
    }

    [TestCase("""{"maxCodeSizeBytes":"10MB"}""", "maxCodeSizeBytes")]
    [TestCase("""{"maxCodeSizeBytes":"0"}""", "maxCodeSizeBytes")]
    [TestCase("""{"includeLayers":"yes"}""", "includeLayers")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named)
    {
        var invocation = await ChangeAsync(LambdaFunctionItems.InvokingEventShape("orders-api", "python3.13"), JsonNode.Parse(parameters)!.AsObject());

        ShouldFailNaming(invocation, named);
    }
}
