using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// lambda-concurrency-check end to end through the published bootstrap: reserved concurrency from the item's
/// supplementary configuration, else from the fake Lambda's GetFunctionConcurrency (signed requests verified).
/// </summary>
public sealed class LambdaConcurrencyCheckProcessTests() : RuleProcessTests("lambda-concurrency-check", FunctionItems.ResourceType)
{
    private const string Limits1To50 = """{"concurrencyLimitLow":"1","concurrencyLimitHigh":"50"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(WithReserved(Function("conc-oversized"), "5.0")));
        aws.Config.Put(Recorded(WithReserved(Function("conc-recorded-200"), "200.0")));
        aws.Config.Put(Recorded(Function("conc-lambda-20")));
        aws.Config.Put(Recorded(Function("conc-lambda-none")));
        aws.Lambda.PutFunction("conc-lambda-20", 20);
        aws.Lambda.PutFunction("conc-lambda-none", null);

        aws.Lambda.PutFunction("throttled-low", 0);
        aws.Lambda.PutFunction("throttled-free", 0);
        aws.Lambda.PutFunction("reserved-25", 25);
        aws.Lambda.PutFunction("unreserved", null);
    }

    private static ConfigurationItemBuilder WithReserved(ConfigurationItemBuilder function, string reserved) =>
        function.WithSupplementary("Concurrency", new JsonObject { ["reservedConcurrentExecutions"] = Number(reserved) });

    private static ConfigurationItemBuilder Item(string name) => Function(name).With("memorySize", Number("128.0"));

    [TestCase("recorded-200", """{"reservedConcurrentExecutions":200.0}""", Limits1To50, "NON_COMPLIANT",
        "Reserved concurrency 200 is above the maximum of 50; lower ReservedConcurrentExecutions or raise lambda-concurrency-check's concurrencyLimitHigh.")]
    [TestCase("recorded-10", """{"reservedConcurrentExecutions":10.0}""", Limits1To50, "COMPLIANT", null)]
    [TestCase("recorded-0", """{"reservedConcurrentExecutions":0}""", Limits1To50, "NON_COMPLIANT",
        "Reserved concurrency 0 is below the minimum of 1; raise ReservedConcurrentExecutions or lower lambda-concurrency-check's concurrencyLimitLow.")]
    [TestCase("recorded-none", "{}", Limits1To50, "NON_COMPLIANT",
        "No reserved concurrency is set, and it is required; set ReservedConcurrentExecutions (1 to 50) or set lambda-concurrency-check's requireReservedConcurrency to false.")]
    [TestCase("recorded-none-optional", "{}", """{"requireReservedConcurrency":"false"}""", "COMPLIANT", null)]
    public async Task Reserved_concurrency_recorded_by_Config_is_judged_without_asking_Lambda(
        string name, string concurrency, string parameters, string complianceType, string? annotation)
    {
        await ShouldJudgeAsync(Item(name).WithSupplementary("Concurrency", JsonNode.Parse(concurrency)!), parameters, complianceType, annotation);

        LambdaCallsFor(name).Should().BeEmpty("the item already says what is reserved");
    }

    [TestCase("throttled-low", Limits1To50, "NON_COMPLIANT",
        "Reserved concurrency 0 is below the minimum of 1; raise ReservedConcurrentExecutions or lower lambda-concurrency-check's concurrencyLimitLow.")]
    [TestCase("throttled-free", "{}", "COMPLIANT", null)]
    [TestCase("reserved-25", """{"concurrencyLimitHigh":"10"}""", "NON_COMPLIANT",
        "Reserved concurrency 25 is above the maximum of 10; lower ReservedConcurrentExecutions or raise lambda-concurrency-check's concurrencyLimitHigh.")]
    [TestCase("unreserved", "{}", "NON_COMPLIANT",
        "No reserved concurrency is set (read from Lambda GetFunctionConcurrency), and it is required; set ReservedConcurrentExecutions or set lambda-concurrency-check's requireReservedConcurrency to false.")]
    public async Task Without_the_record_reserved_concurrency_is_read_with_a_signed_GetFunctionConcurrency(
        string name, string parameters, string complianceType, string? annotation)
    {
        await ShouldJudgeAsync(Item(name), parameters, complianceType, annotation);

        ShouldBeSignedLambdaCall(LambdaCallsFor(name).Should().ContainSingle().Subject);
    }

    [Test]
    public async Task An_oversized_notification_reads_the_supplementary_configuration_from_the_API_shape()
    {
        await ShouldJudgeOversizedAsync(Function("conc-oversized"), """{"concurrencyLimitLow":"10"}""", "NON_COMPLIANT",
            "Reserved concurrency 5 is below the minimum of 10; raise ReservedConcurrentExecutions or lower lambda-concurrency-check's concurrencyLimitLow.");

        LambdaCallsFor("conc-oversized").Should().BeEmpty("the API shape's supplementaryConfiguration carries the value as JSON text");
    }

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result()
    {
        await ShouldJudgeTheAccountAsync("conc-removed", new Dictionary<string, string>
        {
            ["conc-oversized"] = "COMPLIANT",
            ["conc-recorded-200"] = "NON_COMPLIANT",
            ["conc-lambda-20"] = "COMPLIANT",
            ["conc-lambda-none"] = "NON_COMPLIANT",
        }, Limits1To50);

        ShouldBeSignedLambdaCall(LambdaCallsFor("conc-lambda-20").Should().ContainSingle().Subject);
        LambdaCallsFor("conc-recorded-200").Should().BeEmpty();
    }

    [TestCase("""{"concurrencyLimitLow":"-1"}""", "concurrencyLimitLow")]
    [TestCase("""{"concurrencyLimitLow":"60","concurrencyLimitHigh":"50"}""", "concurrencyLimitLow")]
    [TestCase("""{"concurrencyLimitHigh":"many"}""", "concurrencyLimitHigh")]
    [TestCase("""{"requireReservedConcurrency":"yes"}""", "requireReservedConcurrency")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("unreserved"), parameters, named);

    private IReadOnlyList<RecordedRequest> LambdaCallsFor(string functionName) =>
        [.. Aws.RequestsFor("lambda").Where(r => Uri.UnescapeDataString(r.Request.RawPath).Split('/', ':').Contains(functionName))];

    private static void ShouldBeSignedLambdaCall(RecordedRequest call)
    {
        call.Operation.Should().Be("GetFunctionConcurrency");
        call.Request.Method.Should().Be("GET");
        call.Request.RawPath.Should().StartWith("/2019-09-30/functions/").And.EndWith("/concurrency");
        call.SignatureValid.Should().BeTrue();
        call.Status.Should().Be(200);
        call.Request.Header("Authorization").Should().Contain($"/{ConfigurationItemBuilder.DefaultRegion}/lambda/aws4_request");
        call.Request.Header("X-Amz-Security-Token").Should().Be(LoopbackAwsServer.SessionToken);
    }
}
