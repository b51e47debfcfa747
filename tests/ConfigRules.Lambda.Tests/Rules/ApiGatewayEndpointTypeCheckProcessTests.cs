using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>api-gateway-endpoint-type-check end to end through the published bootstrap.</summary>
[TestFixture]
public sealed class ApiGatewayEndpointTypeCheckProcessTests : RuleProcessTests
{
    private const string PrivateOrRegional = """{"allowedEndpointTypes":"PRIVATE, REGIONAL"}""";

    protected override string Handler => "api-gateway-endpoint-type-check";

    protected override string ResourceType => ApiGatewayItems.RestApiType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(RestApi("api0versz1", "billing", "REGIONAL"));
        aws.Config.Put(RestApi("apipr1vate", "internal", "PRIVATE"));
        aws.Config.Put(RestApi("apied9edef", "legacy", null));
        aws.Config.Put(RestApi("apireg1onl", "partners", "REGIONAL"));
    }

    private static FakeResource RestApi(string apiId, string name, string? type) => new()
    {
        ResourceType = ApiGatewayItems.RestApiType,
        ResourceId = apiId,
        ResourceName = name,
        Arn = ApiGatewayItems.Arn(apiId),
        CaptureTime = FunctionResources.OversizedCaptureTime,
        Configuration = ApiGatewayItems.Configuration(apiId, name, type is null ? null : [type]),
    };

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
    public async Task A_change_notification_judges_every_endpoint_type(string? type, string parameters, string complianceType, string? annotation)
    {
        var item = ApiGatewayItems.RestApi("a1b2c3d4e5", "orders", type is null ? null : [type]);

        var invocation = await ChangeAsync(item, JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, "a1b2c3d4e5", LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        if (annotation is not null) evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task A_stage_item_is_not_applicable()
    {
        var stage = ApiGatewayItems.Stage("a1b2c3d4e5", "prod");

        var invocation = await ChangeAsync(stage);

        var evaluation = SingleEvaluation(invocation, ApiGatewayItems.StageType, stage["resourceId"]!.GetValue<string>(), LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_in_the_API_shape()
    {
        var invocation = await InvokeAsync(ConfigEvents.Oversized(ApiGatewayItems.Summary("api0versz1", "billing")));

        ShouldHaveFetchedHistory("api0versz1");
        var evaluation = SingleEvaluation(invocation, ResourceType, "api0versz1", FunctionResources.OversizedCaptureTime);
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be(
            "REST API billing uses endpoint type REGIONAL, which is not allowed (allowed: PRIVATE); set EndpointConfiguration.Types to PRIVATE or add REGIONAL to api-gateway-endpoint-type-check's allowedEndpointTypes.");
    }

    [Test]
    public async Task A_periodic_run_judges_every_REST_API_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync("apid3leted", JsonNode.Parse(PrivateOrRegional)!.AsObject());

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            ["api0versz1"] = "COMPLIANT",
            ["apipr1vate"] = "COMPLIANT",
            ["apied9edef"] = "NON_COMPLIANT",
            ["apireg1onl"] = "COMPLIANT",
        }, "apid3leted");
    }

    [TestCase("""{"allowedEndpointTypes":"private"}""")]
    [TestCase("""{"allowedEndpointTypes":"PRIVATE,PUBLIC"}""")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters)
    {
        var invocation = await ChangeAsync(ApiGatewayItems.RestApi("a1b2c3d4e5", "orders", "REGIONAL"), JsonNode.Parse(parameters)!.AsObject());

        ShouldFailNaming(invocation, "allowedEndpointTypes");
    }
}
