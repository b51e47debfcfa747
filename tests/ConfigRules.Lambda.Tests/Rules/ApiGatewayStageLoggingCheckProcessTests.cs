using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>api-gateway-stage-logging-check end to end through the published bootstrap (no AWS call besides Config's).</summary>
[TestFixture]
public sealed class ApiGatewayStageLoggingCheckProcessTests : RuleProcessTests
{
    protected override string Handler => "api-gateway-stage-logging-check";

    protected override string ResourceType => ApiGatewayItems.StageType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Resource("logged", Logged("INFO")));
        aws.Config.Put(Resource("silent", Logged("OFF")));
    }

    private static JsonObject Logged(string level) => new()
    {
        ["methodSettings"] = new JsonObject { ["*/*"] = new JsonObject { ["loggingLevel"] = level, ["metricsEnabled"] = true } },
        ["accessLogSettings"] = new JsonObject { ["destinationArn"] = "arn:aws:logs:us-east-1:123456789012:log-group:api-access", ["format"] = "$context.requestId" },
    };

    private static JsonObject Stage(string stage, JsonObject settings)
    {
        var item = ApiGatewayItems.Stage("a1b2c3d4e5", stage);
        var configuration = item["configuration"]!.AsObject();
        foreach (var (name, value) in settings) configuration[name] = value?.DeepClone();
        return item;
    }

    private static FakeResource Resource(string stage, JsonObject settings)
    {
        var item = Stage(stage, settings);
        return new FakeResource
        {
            ResourceType = ApiGatewayItems.StageType, ResourceId = StageId(stage), ResourceName = stage, Arn = StageId(stage),
            CaptureTime = FunctionResources.OversizedCaptureTime, Configuration = item["configuration"]!.AsObject().DeepClone().AsObject(),
        };
    }

    private static string StageId(string stage) => $"{ApiGatewayItems.Arn("a1b2c3d4e5")}/stages/{stage}";

    [TestCase("INFO", "{}", "COMPLIANT", "Stage prod of REST API a1b2c3d4e5 logs INFO for all methods and writes access logs.")]
    [TestCase("ERROR", """{"minLoggingLevel":"INFO"}""", "NON_COMPLIANT",
        "Stage prod of REST API a1b2c3d4e5: execution logging for all methods is ERROR, below the minimum of INFO. Set MethodSettings LoggingLevel for /* *, AccessLogSetting.")]
    [TestCase("INFO", """{"requireTracing":"true"}""", "NON_COMPLIANT",
        "Stage prod of REST API a1b2c3d4e5: X-Ray tracing is off, and it is required. Set MethodSettings LoggingLevel for /* *, AccessLogSetting and TracingEnabled.")]
    public async Task A_change_notification_judges_logging_access_logs_and_tracing(string level, string parameters, string complianceType, string annotation)
    {
        var invocation = await ChangeAsync(Stage("prod", Logged(level)), JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, StageId("prod"), LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task A_periodic_run_judges_every_stage_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync(StageId("removed"));

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            [StageId("logged")] = "COMPLIANT",
            [StageId("silent")] = "NON_COMPLIANT",
        }, StageId("removed"));
    }

    [Test]
    public async Task An_invalid_level_fails_the_invocation_naming_it()
    {
        var invocation = await ChangeAsync(Stage("prod", Logged("INFO")), JsonNode.Parse("""{"minLoggingLevel":"DEBUG"}""")!.AsObject());

        ShouldFailNaming(invocation, "minLoggingLevel");
    }
}
