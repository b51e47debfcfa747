using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>lambda-timeout-check end to end through the published bootstrap.</summary>
public sealed class LambdaTimeoutCheckProcessTests() : RuleProcessTests("lambda-timeout-check", FunctionItems.ResourceType)
{
    private const string Range10To60 = """{"minTimeout":"10","maxTimeout":"60"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(Function("timeout-oversized").With("timeout", Number("900.0"))));
        aws.Config.Put(Recorded(Function("timeout-short").With("timeout", Number("1.0"))));
        aws.Config.Put(Recorded(Function("timeout-limit").With("timeout", 300)));
        aws.Config.Put(Recorded(Function("timeout-long").With("timeout", Number("301.0"))));
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
        string timeout, string parameters, string complianceType, string? annotation) =>
        await ShouldJudgeAsync(Function("orders-api", "nodejs22.x").With("timeout", Number(timeout)), parameters, complianceType, annotation);

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape() =>
        await ShouldJudgeOversizedAsync(Function("timeout-oversized"), Range10To60, "NON_COMPLIANT",
            "Timeout 900 s exceeds the maximum of 60 s; lower Timeout or raise lambda-timeout-check's maxTimeout.");

    [Test]
    public async Task A_periodic_run_judges_every_function_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync("timeout-removed", new Dictionary<string, string>
        {
            ["timeout-oversized"] = "NON_COMPLIANT",
            ["timeout-short"] = "COMPLIANT",
            ["timeout-limit"] = "COMPLIANT",
            ["timeout-long"] = "NON_COMPLIANT",
        });

    [TestCase("""{"maxTimeout":"5 minutes"}""", "maxTimeout")]
    [TestCase("""{"minTimeout":"120","maxTimeout":"60"}""", "minTimeout")]
    [TestCase("""{"maxTimeout":"901"}""", "maxTimeout")]
    [TestCase("""{"minTimeout":"0"}""", "minTimeout")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("orders-api", "nodejs22.x"), parameters, named);
}
