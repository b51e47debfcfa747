using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaErrorAlarm;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaErrorAlarm;

public class AlarmIndexTests
{
    private static ConfigurationItem AlarmItem(string configuration, string account = ConfigurationItemBuilder.DefaultAccountId, string region = ConfigurationItemBuilder.DefaultRegion) =>
        ConfigurationItemMapper.Parse($$"""
            {"resourceType":"AWS::CloudWatch::Alarm","resourceId":"alarm-id","resourceName":"recorded-name","awsAccountId":"{{account}}","awsRegion":"{{region}}",
             "configurationItemStatus":"OK","configuration":{{configuration}} }
            """);

    private static Task<Framework.Evaluation.Evaluation> EvaluateAgainst(AlarmIndex index, string function = "orders-api") =>
        HarnessFor(new LambdaErrorAlarmCheck(), RuleServices.Empty.Add<IErrorAlarmLookup>(index)).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction(function).Build());

    [Test]
    public async Task A_recorded_direct_alarm_in_Config_camelCase_is_read()
    {
        var index = new AlarmIndex(OfflineSource.RecordedItems);
        index.Add(AlarmItem("""
            {"alarmName":"orders-errors","actionsEnabled":true,"alarmActions":["arn:aws:sns:eu-west-1:123456789012:oncall"],
             "namespace":"AWS/Lambda","metricName":"Errors","dimensions":[{"name":"FunctionName","value":"orders-api"}],"threshold":1.0}
            """));

        var evaluation = await EvaluateAgainst(index);

        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
        evaluation.Annotation.Should().Be("Alarm orders-errors watches the function's errors and notifies.");
    }

    [Test]
    public async Task A_metric_math_alarm_in_PascalCase_is_read_and_an_alarm_of_another_account_does_not_count()
    {
        var index = new AlarmIndex(OfflineSource.RecordedItems);
        index.Add(AlarmItem("""
            {"AlarmName":"rate","AlarmActions":["arn:aws:sns:eu-west-1:123456789012:oncall"],"Threshold":"0.05","Metrics":[
              {"Id":"e","MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"Errors","Dimensions":[{"Name":"FunctionName","Value":"orders-api"}]}},"ReturnData":false},
              {"Id":"i","MetricStat":{"Metric":{"Namespace":"AWS/Lambda","MetricName":"Invocations","Dimensions":[{"Name":"FunctionName","Value":"orders-api"}]}},"ReturnData":false},
              {"Id":"r","Expression":"e / i","ReturnData":true}]}
            """));
        index.Add(AlarmItem("""{"alarmName":"elsewhere","namespace":"AWS/Lambda","metricName":"Errors","dimensions":[{"name":"FunctionName","value":"billing-api"}]}""", account: "210987654321"));

        (await EvaluateAgainst(index)).ComplianceType.Should().Be(ComplianceType.Compliant);
        (await EvaluateAgainst(index, "billing-api")).ComplianceType.Should().Be(ComplianceType.NonCompliant, "the only alarm on billing-api is in another account");
        index.Count.Should().Be(2);
    }

    [Test]
    public async Task An_input_without_alarms_cannot_tell_and_says_so()
    {
        var evaluation = await EvaluateAgainst(new AlarmIndex(OfflineSource.RecordedItems));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("no AWS::CloudWatch::Alarm items");

        (await EvaluateAgainst(new AlarmIndex(OfflineSource.Template))).Annotation.Should().Contain("template defines no AWS::CloudWatch::Alarm");
    }

    [Test]
    public void Deleted_alarms_are_ignored()
    {
        var index = new AlarmIndex(OfflineSource.RecordedItems);
        index.Add(AlarmItem("""{"alarmName":"x"}""") with { Status = ConfigurationItemStatus.ResourceDeleted });
        index.Count.Should().Be(0);
    }
}
