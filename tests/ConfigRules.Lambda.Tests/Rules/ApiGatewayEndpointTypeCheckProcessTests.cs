using static ConfigRules.Lambda.Tests.Fixtures.ApiGatewayItems;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>api-gateway-endpoint-type-check end to end through the published bootstrap.</summary>
public sealed class ApiGatewayEndpointTypeCheckProcessTests() : RuleProcessTests("api-gateway-endpoint-type-check", RestApiType)
{
    private const string PrivateOrRegional = """{"allowedEndpointTypes":"PRIVATE, REGIONAL"}""";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(RestApi("api0versz1", "billing", "REGIONAL")));
        aws.Config.Put(Recorded(RestApi("apipr1vate", "internal", "PRIVATE")));
        aws.Config.Put(Recorded(RestApi("apied9edef", "legacy", null)));
        aws.Config.Put(Recorded(RestApi("apireg1onl", "partners", "REGIONAL")));
    }

    [TestCase("REGIONAL", "{}", "NON_COMPLIANT",
        "REST API orders uses endpoint type REGIONAL, which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add REGIONAL to api-gateway-endpoint-type-check's allowedEndpointTypes.")]
    [TestCase("EDGE", "{}", "NON_COMPLIANT",
        "REST API orders uses endpoint type EDGE, which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add EDGE to api-gateway-endpoint-type-check's allowedEndpointTypes.")]
    [TestCase(null, "{}", "NON_COMPLIANT",
        "REST API orders uses endpoint type EDGE (the default when none is set), which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add EDGE to api-gateway-endpoint-type-check's allowedEndpointTypes.")]
    [TestCase("PRIVATE", "{}", "COMPLIANT", null)]
    [TestCase("REGIONAL", PrivateOrRegional, "COMPLIANT", null)]
    [TestCase("EDGE", PrivateOrRegional, "NON_COMPLIANT",
        "REST API orders uses endpoint type EDGE, which is not allowed (allowed: PRIVATE, REGIONAL); set EndpointConfiguration.Types to PRIVATE, REGIONAL or add EDGE to api-gateway-endpoint-type-check's allowedEndpointTypes.")]
    public async Task A_change_notification_judges_every_endpoint_type(string? type, string parameters, string complianceType, string? annotation) =>
        await ShouldJudgeAsync(RestApi(ApiId, "orders", type), parameters, complianceType, annotation);

    [Test]
    public async Task A_stage_item_is_not_applicable() =>
        await ShouldJudgeAsync(Stage("prod"), "{}", "NOT_APPLICABLE");

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape() =>
        await ShouldJudgeOversizedAsync(RestApi("api0versz1", "billing", "REGIONAL"), "{}", "NON_COMPLIANT",
            "REST API billing uses endpoint type REGIONAL, which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add REGIONAL to api-gateway-endpoint-type-check's allowedEndpointTypes.");

    [Test]
    public async Task A_periodic_run_judges_every_REST_API_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync("apid3leted", new Dictionary<string, string>
        {
            ["api0versz1"] = "COMPLIANT",
            ["apipr1vate"] = "COMPLIANT",
            ["apied9edef"] = "NON_COMPLIANT",
            ["apireg1onl"] = "COMPLIANT",
        }, PrivateOrRegional);

    [TestCase("""{"allowedEndpointTypes":"private"}""")]
    [TestCase("""{"allowedEndpointTypes":"PRIVATE,PUBLIC"}""")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters) =>
        await ShouldRefuseAsync(RestApi(ApiId, "orders", "REGIONAL"), parameters, "allowedEndpointTypes");
}
