using ConfigRules.Cli.Tests.Support;
using ConfigRules.Rules;
using ConfigRules.Testing.Templates;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>
/// check-template with the five serverless security rules on one template: stages with their web ACL associations,
/// functions with their permissions and URLs, alarms and trails, all read from the same template.
/// </summary>
[TestFixture]
public sealed class TemplateSecurityRuleTests
{
    private static readonly string Template = Fixtures.Template("serverless-security.yaml");

    private static Task<CliRun> Check(params string[] args) => CheckFile(Template, args);

    private static Task<CliRun> CheckFile(string template, params string[] args) =>
        InProcessCli.RunAsync(RuleCatalog.All, null, ["check-template", template, "--format", "json", .. args]);

    /// <summary>check-template on a template written in the test, from a temporary file removed afterwards.</summary>
    private static async Task<CliRun> CheckText(string yaml, params string[] args)
    {
        var template = Path.Combine(Path.GetTempPath(), $"configrules-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(template, yaml);
        try
        {
            return await CheckFile(template, args);
        }
        finally
        {
            File.Delete(template);
        }
    }

    /// <summary>The run judged exactly these resources, all by <paramref name="rule"/>.</summary>
    private static void ShouldJudge(CliRun run, string rule, params (string Resource, string Compliance)[] expected) =>
        run.Evaluations().Should().BeEquivalentTo(expected.ToDictionary(e => (rule, e.Resource), e => e.Compliance), run.ToString());

    [Test]
    public async Task Api_gateway_stage_waf_check_reads_the_web_acl_of_the_template()
    {
        var run = await Check("--rule", "api-gateway-stage-waf-check");

        run.ExitCode.Should().Be(1, run.ToString());
        ShouldJudge(run, "api-gateway-stage-waf-check", ("ProdStage", "COMPLIANT"), ("DevStage", "NON_COMPLIANT"), ("SharedStage", "NOT_APPLICABLE"));
        run.Annotation("api-gateway-stage-waf-check", "ProdStage").Should().Contain("blocks clients above 500 requests (rate-based rule per-ip-rate)");
        run.Annotation("api-gateway-stage-waf-check", "SharedStage").Should().Contain("cannot be known before deployment");
    }

    [Test]
    public async Task A_rate_limit_above_the_maximum_fails_and_arn_patterns_cannot_judge_an_acl_the_template_creates()
    {
        var strict = await Check("--rule", "api-gateway-stage-waf-check", "--param", "api-gateway-stage-waf-check.maxRateLimit=100");
        strict.Evaluations()[("api-gateway-stage-waf-check", "ProdStage")].Should().Be("NON_COMPLIANT");
        strict.Annotation("api-gateway-stage-waf-check", "ProdStage").Should().Contain("more than the maximum of 100");

        var patterns = await Check("--rule", "api-gateway-stage-waf-check",
            "--param", "api-gateway-stage-waf-check.allowedWebAclArnPatterns=arn:aws:wafv2:*:*:regional/webacl/shared/*");
        patterns.Evaluations()[("api-gateway-stage-waf-check", "ProdStage")].Should().Be("NOT_APPLICABLE");
        patterns.Annotation("api-gateway-stage-waf-check", "ProdStage").Should().Contain("is not known before deployment");
        patterns.Evaluations()[("api-gateway-stage-waf-check", "SharedStage")].Should().Be("NOT_APPLICABLE", "the shared web ACL's rules are outside the template");
    }

    [Test]
    public async Task Api_gateway_stage_logging_check_judges_each_stage_of_the_template()
    {
        var run = await Check("--rule", "api-gateway-stage-logging-check", "--param", "api-gateway-stage-logging-check.requireTracing=true");

        ShouldJudge(run, "api-gateway-stage-logging-check", ("ProdStage", "COMPLIANT"), ("DevStage", "NON_COMPLIANT"), ("SharedStage", "NON_COMPLIANT"));
        run.Annotation("api-gateway-stage-logging-check", "SharedStage").Should().Contain("X-Ray tracing is off");
        run.Annotation("api-gateway-stage-logging-check", "DevStage").Should().Contain("access logs are not written");
    }

    [Test]
    public async Task Lambda_public_access_check_reads_permissions_and_function_urls()
    {
        var run = await Check("--rule", "lambda-public-access-check");

        ShouldJudge(run, "lambda-public-access-check", ("Orders", "COMPLIANT"), ("Webhook", "NON_COMPLIANT"), ("Report", "NON_COMPLIANT"));
        run.Annotation("lambda-public-access-check", "Webhook").Should().Contain("everyone (Principal *)").And.Contain("statement WebhookAnyone");
        run.Annotation("lambda-public-access-check", "Report").Should().Contain("public function URL");

        var allowed = await Check("--rule", "lambda-public-access-check", "--param", "lambda-public-access-check.allowFunctionUrlAuthNone=true");
        allowed.Evaluations()[("lambda-public-access-check", "Report")].Should().Be("COMPLIANT");
    }

    [Test]
    public async Task Lambda_error_alarm_check_reads_the_alarms_of_the_template()
    {
        var run = await Check("--rule", "lambda-error-alarm-check");

        ShouldJudge(run, "lambda-error-alarm-check", ("Orders", "COMPLIANT"), ("Webhook", "NON_COMPLIANT"), ("Report", "NON_COMPLIANT"));
        run.Annotation("lambda-error-alarm-check", "Webhook").Should().Contain("has no alarm action", "the metric-math error rate watches it, without an action");
        run.Annotation("lambda-error-alarm-check", "Report").Should().Contain("No metric alarm watches the errors of Report");
    }

    [Test]
    public async Task An_error_alarm_on_a_function_named_only_at_deployment_makes_functions_without_a_known_alarm_not_applicable()
    {
        var run = await CheckText($$"""
            Parameters:
              Stage: { Type: String }
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Orders:
                Type: AWS::Serverless::Function
                Properties: { FunctionName: orders, Runtime: python3.13, Handler: app.handler, CodeUri: src }
              Billing:
                Type: AWS::Serverless::Function
                Properties: { FunctionName: !Sub 'billing-${Stage}', Runtime: python3.13, Handler: app.handler, CodeUri: src }
              Report:
                Type: AWS::Serverless::Function
                Properties: { Runtime: python3.13, Handler: app.handler, CodeUri: src }
              OrdersErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Dimensions: [{ Name: FunctionName, Value: !Ref Orders }]
                  Threshold: 1
                  ComparisonOperator: GreaterThanOrEqualToThreshold
                  AlarmActions: [!Ref Topic]
              SharedErrorRate:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: shared-error-rate
                  Threshold: 0.05
                  ComparisonOperator: GreaterThanThreshold
                  AlarmActions: [!Ref Topic]
                  Metrics: {{TemplateSnippets.ErrorRateMetrics("!ImportValue shared-function", "!ImportValue shared-function")}}
            """, "--rule", "lambda-error-alarm-check");

        run.ExitCode.Should().Be(0, run.ToString());
        ShouldJudge(run, "lambda-error-alarm-check", ("Orders", "COMPLIANT"), ("Billing", "NOT_APPLICABLE"), ("Report", "NOT_APPLICABLE"));
        run.Annotation("lambda-error-alarm-check", "Report").Should().Contain("Alarm shared-error-rate")
            .And.Contain("Metrics[errors].MetricStat.Metric.Dimensions").And.Contain("whether it watches Report cannot be told before deployment");
        run.Annotation("lambda-error-alarm-check", "Billing").Should().Contain("FunctionName is not known before deployment",
            "the function's own name is unknown too, and that note comes first");
    }

    [Test]
    public async Task Only_an_errors_alarm_on_an_undecided_function_holds_back_the_verdict()
    {
        const string Throttles = """
            Parameters:
              Watched: { Type: String }
            Resources:
              Report:
                Type: AWS::Serverless::Function
                Properties: { Runtime: python3.13, Handler: app.handler, CodeUri: src }
              Watch:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  Namespace: AWS/Lambda
                  MetricName: Throttles
                  Dimensions: [{ Name: FunctionName, Value: !Ref Watched }]
                  Threshold: 1
            """;

        var throttles = await CheckText(Throttles, "--rule", "lambda-error-alarm-check");
        throttles.Evaluations()[("lambda-error-alarm-check", "Report")].Should().Be("NON_COMPLIANT", "an alarm on throttles watches no errors, whichever function it is");

        var errors = await CheckText(Throttles.Replace("MetricName: Throttles", "MetricName: Errors", StringComparison.Ordinal), "--rule", "lambda-error-alarm-check");
        errors.Evaluations()[("lambda-error-alarm-check", "Report")].Should().Be("NOT_APPLICABLE", errors.ToString());
        errors.Annotation("lambda-error-alarm-check", "Report").Should().Contain("Alarm Watch").And.Contain("(Dimensions)");
    }

    [Test]
    public async Task The_stage_a_deployment_creates_is_judged_by_the_stage_rules()
    {
        var run = await CheckFile(Fixtures.Template("deployment-stages.yaml"),
            "--rule", "api-gateway-stage-logging-check", "--rule", "api-gateway-stage-waf-check", "--param", "api-gateway-stage-logging-check.requireTracing=true");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("api-gateway-stage-logging-check", "Release")] = "COMPLIANT",
            [("api-gateway-stage-logging-check", "Preview")] = "NON_COMPLIANT",
            [("api-gateway-stage-waf-check", "Release")] = "NON_COMPLIANT",
            [("api-gateway-stage-waf-check", "Preview")] = "NON_COMPLIANT",
        }, run.ToString() + "\na deployment without a StageName creates no stage");
    }

    [Test]
    public async Task Cloudtrail_serverless_audit_check_judges_each_trail_of_the_template()
    {
        var run = await Check("--rule", "cloudtrail-serverless-audit-check");

        ShouldJudge(run, "cloudtrail-serverless-audit-check", ("Audit", "COMPLIANT"), ("RegionalTrail", "NON_COMPLIANT"));
        run.Annotation("cloudtrail-serverless-audit-check", "RegionalTrail").Should().Contain("not multi-region");
    }

    [Test]
    public async Task A_template_without_a_trail_gives_the_account_rule_nothing_to_judge()
    {
        var run = await InProcessCli.RunAsync(RuleCatalog.All, null,
            "check-template", Fixtures.Template("sam-app.yaml"), "--rule", "cloudtrail-serverless-audit-check", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations().Should().BeEmpty();
    }
}
