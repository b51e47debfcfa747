using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.ApiGatewayItems;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>api-gateway-stage-logging-check end to end through the published bootstrap (no AWS call besides Config's).</summary>
public sealed class ApiGatewayStageLoggingCheckProcessTests() : RuleProcessTests("api-gateway-stage-logging-check", StageType)
{
    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.Config.Put(Recorded(Stage("logged", Logged("INFO"))));
        aws.Config.Put(Recorded(Stage("silent", Logged("OFF"))));
    }

    private static JsonObject Logged(string level) => new()
    {
        ["methodSettings"] = new JsonObject { ["*/*"] = new JsonObject { ["loggingLevel"] = level, ["metricsEnabled"] = true } },
        ["accessLogSettings"] = new JsonObject { ["destinationArn"] = "arn:aws:logs:us-east-1:123456789012:log-group:api-access", ["format"] = "$context.requestId" },
    };

    [TestCase("INFO", "{}", "COMPLIANT", "Stage prod of REST API a1b2c3d4e5 logs INFO for all methods and writes access logs.")]
    [TestCase("ERROR", """{"minLoggingLevel":"INFO"}""", "NON_COMPLIANT",
        "Stage prod of REST API a1b2c3d4e5: execution logging for all methods is ERROR, below the minimum of INFO. Set MethodSettings LoggingLevel for /* *, AccessLogSetting.")]
    [TestCase("INFO", """{"requireTracing":"true"}""", "NON_COMPLIANT",
        "Stage prod of REST API a1b2c3d4e5: X-Ray tracing is off, and it is required. Set MethodSettings LoggingLevel for /* *, AccessLogSetting and TracingEnabled.")]
    public async Task A_change_notification_judges_logging_access_logs_and_tracing(string level, string parameters, string complianceType, string annotation) =>
        await ShouldJudgeAsync(Stage("prod", Logged(level)), parameters, complianceType, annotation);

    [Test]
    public async Task A_periodic_run_judges_every_stage_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync(StageArn("removed"), new Dictionary<string, string>
        {
            [StageArn("logged")] = "COMPLIANT",
            [StageArn("silent")] = "NON_COMPLIANT",
        });

    [Test]
    public async Task An_invalid_level_fails_the_invocation_naming_it() =>
        await ShouldRefuseAsync(Stage("prod", Logged("INFO")), """{"minLoggingLevel":"DEBUG"}""", "minLoggingLevel");
}
