using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-code-size-check end to end through the published bootstrap.</summary>
public sealed class LambdaCodeSizeCheckProcessTests() : RuleProcessTests("lambda-code-size-check", FunctionItems.ResourceType)
{
    private const string Max5Mb = """{"maxCodeSizeBytes":"5242880"}""";
    private const string Max5MbWithoutLayers = """{"maxCodeSizeBytes":"5242880","includeLayers":"false"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(Function("code-oversized").With("codeSize", Number("12582912.0"))));
        aws.Config.Put(Recorded(Function("code-small").With("codeSize", Number("2048.0"))));
        aws.Config.Put(Recorded(Function("code-at-limit").With("codeSize", 10485760)));
        aws.Config.Put(Recorded(Function("code-layers").With("codeSize", 8388608).With("layers", Layers("2097153.0"))));
    }

    /// <summary>The layers field as Lambda records it: each layer's ARN and its size.</summary>
    private static JsonArray Layers(params string[] sizes) =>
        [.. sizes.Select((size, i) => (JsonNode)new JsonObject
        {
            ["arn"] = $"arn:aws:lambda:{ConfigurationItemBuilder.DefaultRegion}:{ConfigurationItemBuilder.DefaultAccountId}:layer:shared-{i}:3",
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
        var item = Function("orders-api").With("codeSize", Number(codeSize));
        if (layerSize is not null) item.With("layers", Layers(layerSize));

        await ShouldJudgeAsync(item, parameters, complianceType, annotation);
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape() =>
        await ShouldJudgeOversizedAsync(Function("code-oversized"), "{}", "NON_COMPLIANT",
            "Code size 12582912 bytes (12 MB) exceeds the maximum of 10485760 bytes (10 MB); shrink the package or its layers, or raise lambda-code-size-check's maxCodeSizeBytes.");

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        var invocation = await ShouldJudgeTheAccountAsync("code-removed", new Dictionary<string, string>
        {
            ["code-oversized"] = "NON_COMPLIANT",
            ["code-small"] = "COMPLIANT",
            ["code-at-limit"] = "COMPLIANT",
            ["code-layers"] = "NON_COMPLIANT",
        });

        invocation.Evaluations.Single(e => e.ResourceId == "code-layers").Annotation
            .Should().Contain("function 8388608 + 1 layer 2097153", "layers count by default");
    }

    [TestCase("""{"maxCodeSizeBytes":"10MB"}""", "maxCodeSizeBytes")]
    [TestCase("""{"maxCodeSizeBytes":"0"}""", "maxCodeSizeBytes")]
    [TestCase("""{"includeLayers":"yes"}""", "includeLayers")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("orders-api"), parameters, named);
}
