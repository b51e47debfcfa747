using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// lambda-error-alarm-check end to end through the published bootstrap: the region's alarms read from the fake
/// CloudWatch with signed awsQuery DescribeAlarms, every page, once per invocation however many functions it judges.
/// </summary>
public sealed class LambdaErrorAlarmCheckProcessTests() : RuleProcessTests("lambda-error-alarm-check", FunctionItems.ResourceType)
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:oncall";

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.CloudWatch.PageSize = 2;
        aws.CloudWatch.PutLambdaErrorsAlarm("watched-fn-errors", "watched-fn", 1, Topic);
        aws.CloudWatch.PutLambdaErrorsAlarm("silent-fn-errors", "silent-fn", 1);
        aws.CloudWatch.PutLambdaErrorsAlarm("loose-fn-errors", "loose-fn", 50, Topic);
        aws.CloudWatch.Put(new FakeMetricAlarm("rate-fn-error-rate", null, null, [], 0.05, true, [Topic],
        [
            new FakeMetricQuery("errors", "AWS/Lambda", "Errors", [new("FunctionName", "rate-fn")], ReturnData: false),
            new FakeMetricQuery("invocations", "AWS/Lambda", "Invocations", [new("FunctionName", "rate-fn")], ReturnData: false),
            new FakeMetricQuery("rate", Expression: "errors / invocations", ReturnData: true),
        ]));
        aws.CloudWatch.Put(new FakeMetricAlarm("throttles", "AWS/Lambda", "Throttles", [new("FunctionName", "unwatched-fn")], 1, true, [Topic]));

        foreach (var name in new[] { "watched-fn", "rate-fn", "unwatched-fn", "silent-fn" }) aws.Config.Put(Recorded(Function(name)));
    }

    [TestCase("watched-fn", "{}", "COMPLIANT", "Alarm watched-fn-errors watches the function's errors and notifies.")]
    [TestCase("rate-fn", """{"maxThreshold":"0.1"}""", "COMPLIANT", "Alarm rate-fn-error-rate watches the function's errors and notifies.")]
    [TestCase("unwatched-fn", "{}", "NON_COMPLIANT",
        "No metric alarm watches the errors of unwatched-fn (AWS/Lambda Errors, FunctionName=unwatched-fn, directly or in metric math); create one with an alarm action.")]
    [TestCase("silent-fn", "{}", "NON_COMPLIANT", "Alarm silent-fn-errors watches the errors of silent-fn but has no alarm action; add one (an SNS topic, say).")]
    [TestCase("silent-fn", """{"requireAlarmAction":"false"}""", "COMPLIANT", "Alarm silent-fn-errors watches the function's errors.")]
    [TestCase("loose-fn", """{"maxThreshold":"5"}""", "NON_COMPLIANT", "Alarm loose-fn-errors watches the errors of loose-fn but its threshold 50 is above the maximum of 5; lower it.")]
    public async Task A_change_notification_judges_the_function_by_the_regions_alarms(string name, string parameters, string complianceType, string annotation) =>
        await ShouldJudgeAsync(Function(name), parameters, complianceType, annotation);

    [Test]
    public async Task A_periodic_run_lists_the_alarms_once_with_signed_paged_DescribeAlarms_and_judges_every_function()
    {
        var before = Aws.RequestsFor("monitoring", "DescribeAlarms").Count;

        await ShouldJudgeTheAccountAsync("alarm-removed", new Dictionary<string, string>
        {
            ["watched-fn"] = "COMPLIANT",
            ["rate-fn"] = "COMPLIANT",
            ["unwatched-fn"] = "NON_COMPLIANT",
            ["silent-fn"] = "NON_COMPLIANT",
        });

        var calls = Aws.RequestsFor("monitoring", "DescribeAlarms").Skip(before).ToList();
        calls.Should().HaveCount(3, "five alarms in pages of two are one listing of three pages, shared by the four functions");
        calls.Select(c => c.Request.Form.GetValueOrDefault("NextToken")).Should().Equal(null, "t2", "t4");
        foreach (var call in calls)
        {
            call.SignatureValid.Should().BeTrue(call.ToString());
            call.Status.Should().Be(200, call.ToString());
            call.Request.Form["Version"].Should().Be(FakeCloudWatchService.Version);
            call.Request.Form["AlarmTypes.member.1"].Should().Be("MetricAlarm");
            call.Request.Header("Authorization").Should().Contain("/us-east-1/monitoring/aws4_request");
            call.Request.Header("X-Amz-Security-Token").Should().Be(LoopbackAwsServer.SessionToken);
        }
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_and_the_alarms() =>
        await ShouldJudgeOversizedAsync(Function("watched-fn"), "{}", "COMPLIANT");

    [TestCase("""{"maxThreshold":"lots"}""", "maxThreshold")]
    [TestCase("""{"requireAlarmAction":"maybe"}""", "requireAlarmAction")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Function("watched-fn"), parameters, named);
}
