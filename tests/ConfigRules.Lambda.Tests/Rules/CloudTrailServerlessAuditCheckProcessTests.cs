using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// cloudtrail-serverless-audit-check end to end through the published bootstrap: a periodic run judges the account
/// (AWS::::Account, resource id = the account id) from the fake CloudTrail's signed awsJson1_1 answers, without
/// listing any recorded resource. Each test sets the account's trails before it invokes.
/// </summary>
public sealed class CloudTrailServerlessAuditCheckProcessTests() : RuleProcessTests("cloudtrail-serverless-audit-check", "AWS::::Account")
{
    private const string Account = ConfigurationItemBuilder.DefaultAccountId;
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.";

    private const string RequireS3DataEvents = """{"requireS3DataEvents":"true"}""";

    private static FakeTrail Complete(string name = "org-trail") =>
        new(name, EventSelectors: FakeCloudTrailService.AllDataEvents(), InsightTypes: ["ApiCallRateInsight", "ApiErrorRateInsight"]);

    private async Task<AcceptedEvaluation> JudgeAccountAsync(string parameters, params FakeTrail[] trails)
    {
        Aws.CloudTrail.Clear();
        foreach (var trail in trails) Aws.CloudTrail.Put(trail);
        var invocation = await ScheduledAsync(parameters);
        invocation.Outcome.IsError.Should().BeFalse(invocation.Outcome.ToString());
        var evaluation = invocation.Evaluations.Should().ContainSingle().Subject;
        evaluation.ResourceType.Should().Be("AWS::::Account");
        evaluation.ResourceId.Should().Be(Account);
        evaluation.OrderingTimestamp.Should().Be(ConfigRuleEvents.DefaultNotificationTime);
        return evaluation;
    }

    [Test]
    public async Task A_complete_trail_makes_the_account_compliant_through_signed_CloudTrail_calls()
    {
        Aws.ClearRequests();

        var evaluation = await JudgeAccountAsync("{}", Complete());

        evaluation.ComplianceType.Should().Be("COMPLIANT");
        evaluation.Annotation.Should().Be("Trail org-trail logs every region with Lambda data events, both Insights types, log file validation.");
        var calls = Aws.RequestsFor("cloudtrail");
        calls.Select(c => c.Operation).Should().BeEquivalentTo(["DescribeTrails", "GetTrailStatus", "GetEventSelectors", "GetInsightSelectors"]);
        foreach (var call in calls)
        {
            call.SignatureValid.Should().BeTrue(call.ToString());
            call.Request.Header("X-Amz-Target").Should().Be(Target + call.Operation);
            call.Request.Header("Authorization").Should().Contain("/us-east-1/cloudtrail/aws4_request");
            call.Request.Header("X-Amz-Security-Token").Should().Be(LoopbackAwsServer.SessionToken);
        }
        Aws.RequestsFor("config", "ListDiscoveredResources").Should().BeEmpty("the account is not a recorded resource");
    }

    [Test]
    public async Task A_trail_without_Insights_answers_InsightNotEnabled_which_reads_as_none()
    {
        var evaluation = await JudgeAccountAsync("{}", Complete() with { InsightTypes = null });

        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be("No trail meets the audit requirements. Trail org-trail: no ApiCallRateInsight or ApiErrorRateInsight.");
        Aws.RequestsFor("cloudtrail", "GetInsightSelectors")[^1].ErrorCode.Should().Be("InsightNotEnabledException");
    }

    [Test]
    public async Task Advanced_selectors_of_a_multi_region_trail_of_another_home_region_count()
    {
        var advanced = new JsonArray(new JsonObject
        {
            ["Name"] = "Lambda",
            ["FieldSelectors"] = new JsonArray(
                new JsonObject { ["Field"] = "eventCategory", ["Equals"] = new JsonArray("Data") },
                new JsonObject { ["Field"] = "resources.type", ["Equals"] = new JsonArray("AWS::Lambda::Function") }),
        });

        var evaluation = await JudgeAccountAsync("{}", Complete("home-eu") with { HomeRegion = "eu-west-1", EventSelectors = null, AdvancedEventSelectors = advanced });

        evaluation.ComplianceType.Should().Be("COMPLIANT");
    }

    [TestCase(false, true, true, "not logging")]
    [TestCase(true, false, true, "not multi-region")]
    [TestCase(true, true, false, "log file validation off")]
    public async Task A_trail_that_falls_short_is_named_with_what_it_lacks(bool logging, bool multiRegion, bool validation, string lack)
    {
        var evaluation = await JudgeAccountAsync("{}", Complete() with { IsLogging = logging, IsMultiRegionTrail = multiRegion, LogFileValidationEnabled = validation });

        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Be($"No trail meets the audit requirements. Trail org-trail: {lack}.");
    }

    [Test]
    public async Task S3_data_events_are_judged_when_required()
    {
        (await JudgeAccountAsync(RequireS3DataEvents, Complete()))
            .Annotation.Should().Be("No trail meets the audit requirements. Trail org-trail: no S3 object data events.");
        (await JudgeAccountAsync(RequireS3DataEvents,
                Complete() with { EventSelectors = FakeCloudTrailService.AllDataEvents(lambda: true, s3: true) }))
            .ComplianceType.Should().Be("COMPLIANT");
    }

    [Test]
    public async Task An_account_without_trails_is_non_compliant()
    {
        var evaluation = await JudgeAccountAsync("{}");

        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().StartWith($"No CloudTrail trail records account {Account} in this region");
    }

    [Test]
    public async Task A_change_notification_of_a_function_is_not_applicable_to_the_account_rule() =>
        await ShouldJudgeAsync(FunctionItems.Function("some-fn"), "{}", "NOT_APPLICABLE");

    [Test]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it()
    {
        var invocation = await ScheduledAsync("""{"requireInsights":"yes"}""");

        ShouldFailNaming(invocation, "requireInsights");
    }
}
