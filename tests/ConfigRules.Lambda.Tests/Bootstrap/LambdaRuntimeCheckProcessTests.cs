using System.Text.Json;
using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Bootstrap;

/// <summary>
/// lambda-runtime-check end to end: the published Native AOT bootstrap as a process, Config events from the
/// loopback Runtime API, signed Config calls to the loopback AWS account.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class LambdaRuntimeCheckProcessTests
{
    private const string Handler = "lambda-runtime-check";
    private const string FunctionType = FunctionItems.ResourceType;

    [Test]
    public async Task A_change_notification_posts_one_evaluation_for_the_item()
    {
        await using var function = LoopbackFunction.Start(Handler);

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("evaluations").GetInt32().Should().Be(1);
        outcome.Json.GetProperty("nonCompliant").GetInt32().Should().Be(1);
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ResultToken.Should().Be(ConfigRuleEvents.DefaultResultToken);
        evaluation.ResourceType.Should().Be(FunctionType);
        evaluation.ResourceId.Should().Be("orders-api");
        evaluation.ComplianceType.Should().Be("NON_COMPLIANT");
        evaluation.Annotation.Should().Contain("python3.8").And.Contain("2024-10-14");
        evaluation.OrderingTimestamp.Should().Be(ConfigurationItemBuilder.DefaultCaptureTime);
        function.Aws.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200, "every call is signed with the function's credentials");
        function.Process.LogEntries.Where(e => e.TryGetProperty("requestId", out _)).Select(e => e.GetProperty("requestId").GetString())
            .Should().Contain(outcome.RequestId, "the invocation's log lines carry its request id");
        function.Process.Output.Should().NotContain(LoopbackAwsServer.SecretAccessKey)
            .And.NotContain(LoopbackAwsServer.SessionToken)
            .And.NotContain(ConfigRuleEvents.DefaultResultToken, "logs identify events, never copy them or their tokens")
            .And.NotContain("codeSha256");
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_with_GetResourceConfigHistory()
    {
        await using var function = LoopbackFunction.Start(Handler, aws =>
            aws.Config.Put(Recorded(Function("big-function"))));

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Oversized(Function("big-function")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var history = function.Aws.RequestsFor("config", "GetResourceConfigHistory").Should().ContainSingle().Subject;
        using (var body = JsonDocument.Parse(history.BodyText))
        {
            body.RootElement.GetProperty("resourceType").GetString().Should().Be(FunctionType);
            body.RootElement.GetProperty("resourceId").GetString().Should().Be("big-function");
            body.RootElement.GetProperty("limit").GetInt32().Should().Be(1);
        }
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("COMPLIANT");
        evaluation.ResourceId.Should().Be("big-function");
    }

    [Test]
    public async Task A_periodic_run_over_more_than_100_functions_pages_batches_and_clears_stale_results()
    {
        const int functions = 150;
        await using var function = LoopbackFunction.Start(Handler, aws =>
        {
            for (var i = 0; i < functions; i++)
            {
                var name = $"fn-{i:D3}";
                aws.Config.Put(FunctionType, name, Configuration(Function(name, i % 3 == 0 ? "python3.8" : "python3.13")));
            }
            aws.Config.SeedResult(ConfigRuleEvents.DefaultConfigRuleName, FunctionType, "removed-function", "NON_COMPLIANT", "old result");
        });

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Scheduled());

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("config", "ListDiscoveredResources").Should().HaveCountGreaterThanOrEqualTo(2, "150 resources come in pages of at most 100");
        function.Aws.RequestsFor("config", "BatchGetResourceConfig").Should().HaveCount(2);
        function.Aws.RequestsFor("config", "GetComplianceDetailsByConfigRule").Should().NotBeEmpty();
        var puts = function.Aws.RequestsFor("config", "PutEvaluations");
        puts.Should().HaveCount(3, "two batches for 150 functions, one for the stale result");
        foreach (var put in puts)
        {
            using var body = JsonDocument.Parse(put.BodyText);
            body.RootElement.GetProperty("Evaluations").GetArrayLength().Should().BeInRange(1, 100);
        }

        var accepted = function.Aws.Config.AcceptedEvaluations;
        accepted.Should().HaveCount(functions + 1);
        accepted.Select(e => e.ResourceId).Should().OnlyHaveUniqueItems();
        accepted.Should().OnlyContain(e => e.OrderingTimestamp == ConfigRuleEvents.DefaultNotificationTime);
        accepted.Count(e => e.ComplianceType == "NON_COMPLIANT").Should().Be(50);
        accepted.Single(e => e.ResourceId == "removed-function").ComplianceType.Should().Be("NOT_APPLICABLE");
        outcome.Json.GetProperty("staleCleared").GetInt32().Should().Be(1);
    }

    [TestCase("ResourceDeleted")]
    [TestCase("ResourceDeletedNotRecorded")]
    [TestCase("ResourceNotRecorded")]
    public async Task A_deleted_or_unrecorded_item_is_not_applicable(string status)
    {
        await using var function = LoopbackFunction.Start(Handler);

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("gone", "python3.8").WithStatus(status)));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle()
            .Which.ComplianceType.Should().Be("NOT_APPLICABLE");
    }

    [Test]
    public async Task An_event_that_left_scope_is_not_applicable()
    {
        await using var function = LoopbackFunction.Start(Handler);

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("out-of-scope", "python3.8"), options: new EventOptions { EventLeftScope = true }));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("NOT_APPLICABLE");
        evaluation.ResourceId.Should().Be("out-of-scope");
    }

    [Test]
    public async Task An_item_of_another_resource_type_is_not_applicable()
    {
        await using var function = LoopbackFunction.Start(Handler);
        var bucket = ConfigurationItemBuilder.Of("AWS::S3::Bucket", "my-bucket", new JsonObject { ["name"] = "my-bucket" });

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(bucket));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var evaluation = function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be("NOT_APPLICABLE");
        evaluation.ResourceType.Should().Be("AWS::S3::Bucket");
    }

    [Test]
    public async Task Invalid_parameters_fail_the_invocation_naming_the_parameter_and_post_nothing()
    {
        await using var function = LoopbackFunction.Start(Handler);
        var parameters = new Dictionary<string, string> { ["deprecationWindowDays"] = "soon" };

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("orders-api", "python3.8"), parameters));

        outcome.IsError.Should().BeTrue(outcome.ToString());
        outcome.ErrorType.Should().Be("InvalidParameterValueException");
        outcome.ErrorTypeHeader.Should().Be("InvalidParameterValueException");
        outcome.ErrorMessage.Should().Contain("deprecationWindowDays");
        function.Aws.RequestsFor("config", "PutEvaluations").Should().BeEmpty();
    }

    [Test]
    public async Task A_malformed_event_fails_alone_and_the_same_process_serves_the_next_one()
    {
        await using var function = LoopbackFunction.Start(Handler);

        var malformed = await function.InvokeAsync("{\"invokingEvent\": \"{not json\", \"resultToken\": \"t\"}"u8.ToArray());
        var good = await function.InvokeAsync(ConfigRuleEvents.Change(Function("after-bad", "python3.13")));

        malformed.IsError.Should().BeTrue();
        malformed.ErrorType.Should().Be("InvalidEventException");
        malformed.ErrorMessage.Should().Contain("invokingEvent");
        good.IsError.Should().BeFalse(good.ToString());
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.ResourceId.Should().Be("after-bad");
        function.Process.HasExited.Should().BeFalse();
        function.RuntimeApi.DuplicateReports.Should().Be(0);
    }

    [Test]
    public async Task Throttled_PutEvaluations_is_retried_until_accepted()
    {
        await using var function = LoopbackFunction.Start(Handler, aws => aws.Faults.Throttle("config", "PutEvaluations", times: 2));

        var outcome = await function.InvokeAsync(ConfigRuleEvents.Change(Function("busy-account", "python3.13")));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.RequestsFor("config", "PutEvaluations").Select(r => r.Status).Should().Equal(400, 400, 200);
        function.Aws.Config.AcceptedEvaluations.Should().ContainSingle().Which.ComplianceType.Should().Be("COMPLIANT");
    }

    [Test]
    public async Task A_Config_outage_fails_the_invocation_within_its_deadline_so_that_Lambda_retries_it()
    {
        await using var function = LoopbackFunction.Start(Handler, aws => aws.Faults.ServerError("config", "PutEvaluations", 503, times: 1000));
        var invocation = function.RuntimeApi.Enqueue(ConfigRuleEvents.Change(Function("outage", "python3.13")), TimeSpan.FromSeconds(6));

        var outcome = await invocation.WaitAsync(LoopbackFunction.Wait);

        outcome.IsError.Should().BeTrue(outcome.ToString());
        TestContext.Out.WriteLine(outcome.ToString());
        outcome.ReportedAt.Should().BeBefore(invocation.Deadline!.Value, "retries stop in time to report the failure");
        function.Aws.RequestsFor("config", "PutEvaluations").Should().HaveCountGreaterThan(1, "transient faults are retried");
        function.Aws.Config.AcceptedEvaluations.Should().BeEmpty();
        function.Process.HasExited.Should().BeFalse();
    }
}
