using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Rules.ApiGatewayStageLogging;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.ApiGatewayStageLogging;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class ApiGatewayStageLoggingCheckTests(ItemShape shape)
{
    private const string LogGroup = "arn:aws:logs:eu-west-1:123456789012:log-group:api-access";
    private readonly ApiGatewayStageLoggingCheck _rule = new();

    private static ConfigurationItemBuilder StageLogging(string? level, bool accessLogs = true, bool? tracing = null)
    {
        var stage = ConfigurationItemBuilder.RestApiStage();
        var all = new JsonObject { ["metricsEnabled"] = false, ["dataTraceEnabled"] = false, ["throttlingBurstLimit"] = 5000 };
        if (level is not null) all["loggingLevel"] = level;
        stage.With("methodSettings", new JsonObject { ["*/*"] = all, ["orders/GET"] = new JsonObject { ["loggingLevel"] = "INFO" } });
        if (accessLogs) stage.With("accessLogSettings", new JsonObject { ["destinationArn"] = LogGroup, ["format"] = "$context.requestId" });
        if (tracing is not null) stage.With("tracingEnabled", tracing.Value);
        return stage;
    }

    private Task<Framework.Evaluation.Evaluation> Run(ConfigurationItemBuilder stage, params (string, string)[] parameters) =>
        HarnessFor(_rule).EvaluateAsync(stage.Build(shape), Params(parameters));

    [TestCase("ERROR", "ERROR", ComplianceType.Compliant)]
    [TestCase("INFO", "ERROR", ComplianceType.Compliant)]
    [TestCase("INFO", "INFO", ComplianceType.Compliant)]
    [TestCase("info", "INFO", ComplianceType.Compliant)]
    [TestCase("ERROR", "INFO", ComplianceType.NonCompliant)]
    [TestCase("OFF", "ERROR", ComplianceType.NonCompliant)]
    [TestCase(null, "ERROR", ComplianceType.NonCompliant)]
    [TestCase("VERBOSE", "ERROR", ComplianceType.NonCompliant)]
    public async Task Execution_logging_for_all_methods_must_reach_the_minimum(string? level, string minimum, ComplianceType expected) =>
        (await Run(StageLogging(level), ("minLoggingLevel", minimum))).ComplianceType.Should().Be(expected);

    [Test]
    public async Task Every_finding_is_named_in_one_annotation()
    {
        var evaluation = await Run(StageLogging("OFF", accessLogs: false));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be(
            "Stage prod of REST API a1b2c3d4e5: execution logging for all methods is OFF (minimum ERROR); access logs are not written (no accessLogSettings.destinationArn). Set MethodSettings LoggingLevel for /* *, AccessLogSetting.");
    }

    [Test]
    public async Task A_level_below_the_minimum_says_both()
    {
        (await Run(StageLogging("ERROR"), ("minLoggingLevel", "INFO"))).Annotation.Should().Be(
            "Stage prod of REST API a1b2c3d4e5: execution logging for all methods is ERROR, below the minimum of INFO. Set MethodSettings LoggingLevel for /* *, AccessLogSetting.");
    }

    [Test]
    public async Task Logging_set_only_for_single_methods_does_not_count()
    {
        var stage = ConfigurationItemBuilder.RestApiStage().With("methodSettings", new JsonObject { ["orders/GET"] = new JsonObject { ["loggingLevel"] = "INFO" } })
            .With("accessLogSettings", new JsonObject { ["destinationArn"] = LogGroup });
        (await Run(stage)).Annotation.Should().Contain("execution logging for all methods (*/*) is not set (minimum ERROR)");
    }

    [Test]
    public async Task A_stage_without_method_settings_or_access_log_settings_has_both_findings()
    {
        var stage = ConfigurationItemBuilder.RestApiStage().Without("methodSettings");
        var evaluation = await Run(stage);
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Contain("is not set").And.Contain("access logs are not written");
    }

    [TestCase(true, true, ComplianceType.Compliant)]
    [TestCase(false, true, ComplianceType.Compliant)]
    [TestCase(true, false, ComplianceType.NonCompliant)]
    public async Task Access_logs_are_required_only_when_asked(bool required, bool written, ComplianceType expected) =>
        (await Run(StageLogging("ERROR", accessLogs: written), ("requireAccessLogs", required ? "true" : "false"))).ComplianceType.Should().Be(expected);

    [Test]
    public async Task An_empty_destination_is_no_access_log()
    {
        var stage = StageLogging("ERROR", accessLogs: false).With("accessLogSettings", new JsonObject { ["destinationArn"] = "", ["format"] = "x" });
        (await Run(stage)).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [TestCase(true, "true", ComplianceType.Compliant)]
    [TestCase(false, "true", ComplianceType.NonCompliant)]
    [TestCase(null, "true", ComplianceType.NonCompliant)]
    [TestCase(false, "false", ComplianceType.Compliant)]
    public async Task Tracing_is_required_only_when_asked(bool? tracing, string required, ComplianceType expected)
    {
        var stage = StageLogging("INFO", tracing: tracing);
        if (tracing is null) stage.Without("tracingEnabled");
        (await Run(stage, ("requireTracing", required))).ComplianceType.Should().Be(expected);
    }

    [Test]
    public async Task Tracing_findings_name_the_property_and_compliant_notes_say_what_was_checked()
    {
        (await Run(StageLogging("ERROR", tracing: false), ("requireTracing", "true"))).Annotation.Should().Be(
            "Stage prod of REST API a1b2c3d4e5: X-Ray tracing is off, and it is required. Set MethodSettings LoggingLevel for /* *, AccessLogSetting and TracingEnabled.");
        (await Run(StageLogging("INFO"))).Annotation.Should().Be("Stage prod of REST API a1b2c3d4e5 logs INFO for all methods and writes access logs.");
        (await Run(StageLogging("INFO", tracing: true), ("requireTracing", "true"))).Annotation.Should().Be(
            "Stage prod of REST API a1b2c3d4e5 logs INFO for all methods, writes access logs and traces with X-Ray.");
    }

    [TestCase("minLoggingLevel", "DEBUG", "ERROR or INFO")]
    [TestCase("minLoggingLevel", "OFF", "ERROR or INFO")]
    [TestCase("requireAccessLogs", "1", "requireAccessLogs")]
    public void Bad_parameters_name_the_parameter_and_what_it_accepts(string name, string value, string expected) =>
        FluentActions.Invoking(() => _rule.ParseParameters(Params((name, value))))
            .Should().Throw<InvalidParameterValueException>().WithMessage($"*{expected}*");
}
