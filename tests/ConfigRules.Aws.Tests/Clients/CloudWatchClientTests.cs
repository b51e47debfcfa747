using ConfigRules.Aws.CloudWatch;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class CloudWatchClientTests : LoopbackClientTests
{

    [Test]
    public async Task DescribeAlarms_asks_for_metric_alarms_and_reads_metric_dimensions_threshold_and_actions()
    {
        Loopback.Server.CloudWatch.PutLambdaErrorsAlarm("orders-errors", "orders-fn", 5, "arn:aws:sns:us-east-1:123456789012:oncall");
        var client = CloudWatchClient.Create(Loopback.Context);

        var alarms = await client.DescribeMetricAlarmsAsync(CancellationToken.None);

        var alarm = alarms.Should().ContainSingle().Subject;
        alarm.AlarmName.Should().Be("orders-errors");
        alarm.AlarmArn.Should().Be("arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-errors");
        alarm.Namespace.Should().Be("AWS/Lambda");
        alarm.MetricName.Should().Be("Errors");
        alarm.Dimensions.Should().Equal(new MetricDimension("FunctionName", "orders-fn"));
        alarm.Threshold.Should().Be(5);
        alarm.ActionsEnabled.Should().BeTrue();
        alarm.AlarmActions.Should().Equal("arn:aws:sns:us-east-1:123456789012:oncall");
        alarm.Metrics.Should().BeEmpty();
        var request = Loopback.Server.RequestsFor("monitoring", "DescribeAlarms").Single().Request;
        request.BodyText.Should().Be("Action=DescribeAlarms&Version=2010-08-01&AlarmTypes.member.1=MetricAlarm&MaxRecords=100");
        request.Header("Content-Type").Should().Be("application/x-www-form-urlencoded; charset=utf-8");
    }

    [Test]
    public async Task A_metric_math_alarm_keeps_its_queries_expressions_and_ReturnData()
    {
        Loopback.Server.CloudWatch.Put(new FakeMetricAlarm("orders-error-rate", null, null, [], 0.05, true, ["arn:aws:sns:us-east-1:123456789012:oncall"],
        [
            new FakeMetricQuery("errors", "AWS/Lambda", "Errors", [new("FunctionName", "orders-fn")], ReturnData: false),
            new FakeMetricQuery("invocations", "AWS/Lambda", "Invocations", [new("FunctionName", "orders-fn")], ReturnData: false),
            new FakeMetricQuery("rate", Expression: "errors / invocations"),
        ]));

        var alarm = (await CloudWatchClient.Create(Loopback.Context).DescribeMetricAlarmsAsync(CancellationToken.None)).Single();

        alarm.MetricName.Should().BeNull();
        alarm.Metrics.Select(q => (q.Id, q.Expression, q.Namespace, q.MetricName, q.ReturnData)).Should().Equal(
            ("errors", null, "AWS/Lambda", "Errors", false),
            ("invocations", null, "AWS/Lambda", "Invocations", false),
            ("rate", "errors / invocations", null, null, true));
        alarm.Metrics[0].Dimensions.Should().Equal(new MetricDimension("FunctionName", "orders-fn"));
        alarm.Metrics[2].Dimensions.Should().BeEmpty();
    }

    [Test]
    public async Task Every_page_is_read_by_NextToken()
    {
        Loopback.Server.CloudWatch.PageSize = 2;
        for (var n = 1; n <= 5; n++) Loopback.Server.CloudWatch.PutLambdaErrorsAlarm($"alarm-{n}", $"fn-{n}");

        var alarms = await CloudWatchClient.Create(Loopback.Context).DescribeMetricAlarmsAsync(CancellationToken.None);

        alarms.Select(a => a.AlarmName).Should().Equal("alarm-1", "alarm-2", "alarm-3", "alarm-4", "alarm-5");
        alarms.Should().OnlyContain(a => !a.ActionsEnabled && a.AlarmActions.Count == 0);
        var forms = Loopback.Server.RequestsFor("monitoring", "DescribeAlarms").Select(r => r.Request.Form).ToList();
        forms.Select(f => f.GetValueOrDefault("NextToken")).Should().Equal(null, "t2", "t4");
    }

    [Test]
    public async Task Throttling_is_retried_and_an_error_surfaces_with_its_awsQuery_code()
    {
        Loopback.Server.CloudWatch.PutLambdaErrorsAlarm("a", "fn");
        Loopback.Server.Faults.Throttle("monitoring", "DescribeAlarms", times: 2);
        var client = CloudWatchClient.Create(Loopback.Context);

        (await client.DescribeMetricAlarmsAsync(CancellationToken.None)).Should().ContainSingle();
        Loopback.Server.RequestsFor("monitoring").Select(r => r.Status).Should().Equal(400, 400, 200);

        Loopback.Server.Faults.Error("monitoring", "DescribeAlarms", 403, "AccessDenied", "User is not authorized to perform: cloudwatch:DescribeAlarms");
        var act = () => client.DescribeMetricAlarmsAsync(CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("AccessDenied");
        thrown.Message.Should().Contain("CloudWatch DescribeAlarms").And.Contain("cloudwatch:DescribeAlarms");
    }

    [TestCase("CloudWatch", "AWS_ENDPOINT_URL_CLOUDWATCH", "https://monitoring.eu-west-1.amazonaws.com/", "monitoring")]
    [TestCase("CloudTrail", "AWS_ENDPOINT_URL_CLOUDTRAIL", "https://cloudtrail.eu-west-1.amazonaws.com/", "cloudtrail")]
    public void Endpoints_follow_the_service_variable_else_the_regional_host(string service, string variable, string publicUrl, string signingName)
    {
        var aws = service == "CloudWatch" ? AwsService.CloudWatch : AwsService.CloudTrail;
        var overridden = new AwsEndpointResolver(new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            [variable] = "http://127.0.0.1:9001", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000",
        })).Resolve(aws, "eu-west-1");
        overridden.BaseUri.Should().Be(new Uri("http://127.0.0.1:9001/"));
        overridden.SigningName.Should().Be(signingName);

        var regional = new AwsEndpointResolver(new DictionaryEnvironmentVariables(new Dictionary<string, string>())).Resolve(aws, "eu-west-1");
        regional.BaseUri.Should().Be(new Uri(publicUrl));
        regional.SigningRegion.Should().Be("eu-west-1");
    }
}
