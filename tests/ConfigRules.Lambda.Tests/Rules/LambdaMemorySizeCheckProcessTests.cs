using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-memory-size-check end to end through the published bootstrap.</summary>
public sealed class LambdaMemorySizeCheckProcessTests() : RuleProcessTests("lambda-memory-size-check", FunctionItems.ResourceType)
{
    private const string Range256To1024 = """{"minMemorySize":"256","maxMemorySize":"1024"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(Function("mem-oversized").With("memorySize", Number("10240.0"))));
        aws.Config.Put(Recorded(Function("mem-smallest").With("memorySize", Number("128.0"))));
        aws.Config.Put(Recorded(Function("mem-large").With("memorySize", 4096)));
        aws.Config.Put(Recorded(Function("mem-largest").With("memorySize", Number("3008.0"))));
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
        string memorySize, string parameters, string complianceType, string? annotation) =>
        await ShouldJudgeAsync(Function("orders-api").With("memorySize", Number(memorySize)), parameters, complianceType, annotation);

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        await ShouldJudgeOversizedAsync(Function("mem-oversized"), "{}", "NON_COMPLIANT",
            "Memory 10240 MB is above the maximum of 3008 MB; lower MemorySize or raise lambda-memory-size-check's maxMemorySize.");

        Aws.Config.Current(ResourceType, "mem-oversized")!.ToApiShape(history: true)["configuration"]!.GetValue<string>()
            .Should().Contain("\"memorySize\":10240.0", "the API shape sends the configuration as text with numbers as doubles");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync("mem-removed", new Dictionary<string, string>
        {
            ["mem-oversized"] = "NON_COMPLIANT",
            ["mem-smallest"] = "COMPLIANT",
            ["mem-large"] = "NON_COMPLIANT",
            ["mem-largest"] = "COMPLIANT",
        });

    [TestCase("""{"minMemorySize":"lots"}""", "minMemorySize")]
    [TestCase("""{"minMemorySize":"2048","maxMemorySize":"1024"}""", "minMemorySize")]
    [TestCase("""{"maxMemorySize":"20000"}""", "maxMemorySize")]
    [TestCase("""{"memorySize":"512"}""", "memorySize")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("orders-api"), parameters, named);
}
