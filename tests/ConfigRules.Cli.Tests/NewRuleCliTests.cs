using ConfigRules.Cli.Tests.Support;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests;

/// <summary>
/// lambda-error-alarm-check and cloudtrail-serverless-audit-check in the CLI, in process with the catalog rules: alarms
/// and trails come from the same input (related items), and the account rule judges each account of the input once.
/// </summary>
[TestFixture]
public sealed class NewRuleCliTests
{
    private const string Account = "111122223333";

    private static Task<CliRun> Run(string? standardInput, params string[] args) => InProcessCli.RunAsync(RuleCatalog.All, standardInput, args);

    [Test]
    public async Task The_sample_account_has_alarms_that_pass_and_fail_and_an_account_whose_trail_falls_short()
    {
        var run = await Run(null, "evaluate", "--rule", "lambda-error-alarm-check", "--rule", "cloudtrail-serverless-audit-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations[("lambda-error-alarm-check", "orders-api")].Should().Be("COMPLIANT");
        evaluations[("lambda-error-alarm-check", "image-resizer")].Should().Be("COMPLIANT", "a metric-math error rate watches it");
        evaluations[("lambda-error-alarm-check", "billing-webhook")].Should().Be("NON_COMPLIANT");
        run.Annotation("lambda-error-alarm-check", "billing-webhook").Should().Contain("has no alarm action");
        evaluations[("lambda-error-alarm-check", "legacy-report-generator")].Should().Be("NON_COMPLIANT");
        evaluations[("cloudtrail-serverless-audit-check", Account)].Should().Be("NON_COMPLIANT");
        run.Annotation("cloudtrail-serverless-audit-check", Account).Should()
            .Be("No trail meets the audit requirements. Trail management-events: no Lambda Invoke data events; no ApiCallRateInsight or ApiErrorRateInsight.");
        evaluations.Keys.Count(k => k.Rule == "cloudtrail-serverless-audit-check").Should().Be(1, "one evaluation per account");
    }

    [Test]
    public async Task Alarms_and_trails_may_come_after_the_functions_they_judge_and_each_account_is_judged_on_its_own_trails()
    {
        const string input = """
            {"resourceType":"AWS::Lambda::Function","resourceId":"orders","awsAccountId":"111111111111","awsRegion":"us-east-1","configurationItemStatus":"OK","configuration":{"functionName":"orders"}}
            {"resourceType":"AWS::Lambda::Function","resourceId":"billing","awsAccountId":"222222222222","awsRegion":"us-east-1","configurationItemStatus":"OK","configuration":{"functionName":"billing"}}
            {"resourceType":"AWS::CloudWatch::Alarm","resourceId":"orders-errors","awsAccountId":"111111111111","awsRegion":"us-east-1","configurationItemStatus":"OK","configuration":{"alarmName":"orders-errors","actionsEnabled":true,"alarmActions":["arn:aws:sns:us-east-1:111111111111:t"],"namespace":"AWS/Lambda","metricName":"Errors","dimensions":[{"name":"FunctionName","value":"orders"}],"threshold":1}}
            {"resourceType":"AWS::CloudTrail::Trail","resourceId":"all","awsAccountId":"111111111111","awsRegion":"us-east-1","configurationItemStatus":"OK","configuration":{"name":"all","isLogging":true,"isMultiRegionTrail":true,"logFileValidationEnabled":true,"advancedEventSelectors":[{"fieldSelectors":[{"field":"eventCategory","equals":["Data"]},{"field":"resources.type","equals":["AWS::Lambda::Function"]}]}],"insightSelectors":[{"insightType":"ApiCallRateInsight"},{"insightType":"ApiErrorRateInsight"}]}}
            """;

        var run = await Run(input, "evaluate", "-", "--rule", "lambda-error-alarm-check", "--rule", "cloudtrail-serverless-audit-check", "--format", "json");

        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("lambda-error-alarm-check", "orders")] = "COMPLIANT",
            [("lambda-error-alarm-check", "billing")] = "NON_COMPLIANT",
            [("cloudtrail-serverless-audit-check", "111111111111")] = "COMPLIANT",
            [("cloudtrail-serverless-audit-check", "222222222222")] = "NOT_APPLICABLE",
        }, run.ToString());
        run.Annotation("cloudtrail-serverless-audit-check", "222222222222").Should().Contain("no AWS::CloudTrail::Trail items of account 222222222222");
    }

    [Test]
    public async Task Without_alarm_items_the_alarm_rule_cannot_tell_and_says_so()
    {
        const string input = """{"resourceType":"AWS::Lambda::Function","resourceId":"orders","awsAccountId":"111111111111","awsRegion":"us-east-1","configurationItemStatus":"OK","configuration":{"functionName":"orders"}}""";

        var run = await Run(input, "evaluate", "-", "--rule", "lambda-error-alarm-check", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations()[("lambda-error-alarm-check", "orders")].Should().Be("NOT_APPLICABLE");
        run.Annotation("lambda-error-alarm-check", "orders").Should().Contain("no AWS::CloudWatch::Alarm items");
    }

    [Test]
    public async Task The_rules_command_lists_both_rules_with_their_types()
    {
        var run = await Run(null, "rules");

        run.ExitCode.Should().Be(0, run.ToString());
        run.StandardOutput.Should().Contain("lambda-error-alarm-check").And.Contain("cloudtrail-serverless-audit-check").And.Contain("AWS::::Account");
    }
}
