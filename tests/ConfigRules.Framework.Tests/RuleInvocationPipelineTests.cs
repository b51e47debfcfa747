using System.Globalization;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public class RuleInvocationPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private InMemoryConfigService _config = null!;
    private RuleInvocationPipeline _pipeline = null!;

    [SetUp]
    public void SetUp()
    {
        _config = new InMemoryConfigService { ExpectedResultToken = ConfigRuleEventParserTests.ResultToken };
        _pipeline = new RuleInvocationPipeline(new MaxMemoryRule(), _config, RuleServices.Empty, new FixedTime(Now));
    }

    private static ConfigurationItem Function(string id, long memory, string status = "OK", string type = "AWS::Lambda::Function") =>
        ConfigurationItemMapper.Parse($$"""
            {"resourceType":"{{type}}","resourceId":"{{id}}","configurationItemStatus":"{{status}}",
             "configurationItemCaptureTime":"2026-03-04T10:15:30.000Z","configuration":{"memorySize":{{memory}}.0} }
            """);

    private static string ChangeEventFor(string id, long memory, string status = "OK", string type = "AWS::Lambda::Function") =>
        ConfigRuleEventParserTests.ChangeInvokingEvent($$"""
            {"resourceType":"{{type}}","resourceId":"{{id}}","configurationItemStatus":"{{status}}",
             "configurationItemCaptureTime":"2026-03-04T10:15:30.000Z","configuration":{"memorySize":{{memory}}} }
            """);

    private Task<InvocationReport> Handle(byte[] payload) => _pipeline.HandleAsync(ConfigRuleEventParser.Parse(payload), CancellationToken.None);

    [Test]
    public async Task Change_posts_one_evaluation_ordered_by_the_capture_time()
    {
        var report = await Handle(ConfigRuleEventParserTests.Event(ChangeEventFor("big-fn", 2048)));

        var evaluation = _config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceResourceType.Should().Be("AWS::Lambda::Function");
        evaluation.ComplianceResourceId.Should().Be("big-fn");
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Memory 2048 MB is above the maximum of 1024 MB.");
        evaluation.OrderingTimestamp.Should().Be(new DateTimeOffset(2026, 3, 4, 10, 15, 30, TimeSpan.Zero));
        report.Should().BeEquivalentTo(new { Evaluations = 1, NonCompliant = 1, PutEvaluationsCalls = 1 });
    }

    [TestCase("ResourceDeleted")]
    [TestCase("ResourceDeletedNotRecorded")]
    [TestCase("ResourceNotRecorded")]
    public async Task Deleted_or_unrecorded_items_are_not_applicable(string status)
    {
        await Handle(ConfigRuleEventParserTests.Event(ChangeEventFor("gone-fn", 2048, status)));

        var evaluation = _config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain(status);
    }

    [Test]
    public async Task Items_that_left_scope_are_not_applicable()
    {
        await Handle(ConfigRuleEventParserTests.Event(ChangeEventFor("big-fn", 2048), eventLeftScope: true));

        _config.Posted.Should().ContainSingle().Which.ComplianceType.Should().Be(ComplianceType.NotApplicable);
    }

    [Test]
    public async Task Items_of_another_type_are_not_applicable()
    {
        await Handle(ConfigRuleEventParserTests.Event(ChangeEventFor("vol-1", 2048, type: "AWS::EC2::Volume")));

        var evaluation = _config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.ComplianceResourceType.Should().Be("AWS::EC2::Volume");
    }

    [Test]
    public async Task Oversized_items_are_fetched_from_the_configuration_history()
    {
        _config.Add(Function("big-fn", 4096));
        const string invoking = """{"configurationItemSummary":{"configurationItemCaptureTime":"2026-03-04T10:15:30.000Z","configurationItemStatus":"OK","resourceType":"AWS::Lambda::Function","resourceId":"big-fn"},"messageType":"OversizedConfigurationItemChangeNotification","notificationCreationTime":"2026-03-04T10:16:00.000Z"}""";

        await Handle(ConfigRuleEventParserTests.Event(invoking));

        _config.Calls.Should().Contain("GetResourceConfigHistory AWS::Lambda::Function big-fn");
        _config.Posted.Should().ContainSingle().Which.Annotation.Should().Contain("4096 MB");
    }

    [Test]
    public async Task Oversized_item_missing_from_history_fails_the_invocation_for_a_retry()
    {
        const string invoking = """{"configurationItemSummary":{"configurationItemStatus":"OK","resourceType":"AWS::Lambda::Function","resourceId":"not-yet"},"messageType":"OversizedConfigurationItemChangeNotification"}""";

        var act = () => Handle(ConfigRuleEventParserTests.Event(invoking));

        await act.Should().ThrowAsync<ConfigurationItemUnavailableException>();
        _config.PutBatches.Should().BeEmpty();
    }

    [Test]
    public async Task Invalid_parameters_fail_before_anything_is_posted()
    {
        var act = () => Handle(ConfigRuleEventParserTests.Event(ChangeEventFor("fn", 256), """{"maxMemory":"huge","minMemory":"1"}"""));

        var error = (await act.Should().ThrowAsync<InvalidParameterValueException>()).Which;
        error.Problems.Should().HaveCount(2);
        _config.PutBatches.Should().BeEmpty();
    }

    [Test]
    public async Task Snapshot_delivery_posts_nothing()
    {
        var report = await Handle(ConfigRuleEventParserTests.Event("""{"messageType":"ConfigurationHistoryDeliveryCompleted"}"""));

        report.Evaluations.Should().Be(0);
        _config.PutBatches.Should().BeEmpty();
    }

    [Test]
    public async Task Periodic_runs_judge_every_resource_in_batches_of_100_and_clear_stale_results()
    {
        for (var i = 0; i < 250; i++) _config.Add(Function($"fn-{i:D3}", i % 2 == 0 ? 512 : 2048));
        _config.Add(Function("vol-1", 1, type: "AWS::EC2::Volume"));
        _config.PreviouslyEvaluated.Add(new ResourceKey("AWS::Lambda::Function", "fn-000"));
        _config.PreviouslyEvaluated.Add(new ResourceKey("AWS::Lambda::Function", "deleted-fn"));
        _config.PreviouslyEvaluated.Add(new ResourceKey("AWS::EC2::Volume", "other-rule-scope"));

        var report = await Handle(ConfigRuleEventParserTests.Event("""{"notificationCreationTime":"2026-11-26T08:00:00.000Z","messageType":"ScheduledNotification"}"""));

        BatchGetSizes().Should().BeEquivalentTo([100, 100, 50]);
        _config.PutBatches.Select(b => b.Count).Should().BeEquivalentTo([100, 100, 50, 1]);
        var posted = _config.Posted.ToList();
        posted.Should().HaveCount(251).And.OnlyHaveUniqueItems(e => e.ComplianceResourceId);
        posted.Should().OnlyContain(e => e.OrderingTimestamp == new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        posted.Count(e => e.ComplianceType == ComplianceType.NonCompliant).Should().Be(125);
        posted.Single(e => e.ComplianceResourceId == "deleted-fn").ComplianceType.Should().Be(ComplianceType.NotApplicable);
        report.Should().BeEquivalentTo(new { Evaluations = 251, Compliant = 125, NonCompliant = 125, NotApplicable = 1, StaleCleared = 1, PutEvaluationsCalls = 4 });
    }

    [Test]
    public async Task Periodic_run_over_an_empty_account_posts_nothing()
    {
        var report = await Handle(ConfigRuleEventParserTests.Event("""{"notificationCreationTime":"2026-11-26T08:00:00.000Z","messageType":"ScheduledNotification"}"""));

        report.Evaluations.Should().Be(0);
        _config.PutBatches.Should().BeEmpty();
    }

    private const string Scheduled = """{"notificationCreationTime":"2026-11-26T08:00:00.000Z","messageType":"ScheduledNotification"}""";

    /// <summary>The key counts of the BatchGetResourceConfig calls, in order.</summary>
    private IEnumerable<int> BatchGetSizes() =>
        _config.Calls.Where(call => call.StartsWith("BatchGetResourceConfig ", StringComparison.Ordinal)).Select(call => int.Parse(call.Split(' ')[1], CultureInfo.InvariantCulture));

    private RuleInvocationPipeline OneBatchAtATime() =>
        new(new MaxMemoryRule(), _config, RuleServices.Empty, new FixedTime(Now), new PipelineOptions { MaxConcurrentBatches = 1 });

    [Test]
    public async Task Periodic_batches_start_while_the_listing_goes_on()
    {
        for (var i = 0; i < 1_000; i++) _config.Add(Function($"fn-{i:D4}", 512));

        var report = await OneBatchAtATime().HandleAsync(ConfigRuleEventParser.Parse(ConfigRuleEventParserTests.Event(Scheduled)), CancellationToken.None);

        var calls = _config.Calls.ToList();
        calls.FindIndex(call => call.StartsWith("BatchGetResourceConfig", StringComparison.Ordinal)).Should().BeLessThan(calls.IndexOf("ListDiscoveredResources AWS::Lambda::Function done"),
            "a full chunk of keys is judged and posted without waiting for the last page");
        report.Evaluations.Should().Be(1_000);
        BatchGetSizes().Should().AllSatisfy(size => size.Should().Be(100));
    }

    [Test]
    public async Task A_listing_failure_fails_the_periodic_run_and_clears_nothing()
    {
        for (var i = 0; i < 1_000; i++) _config.Add(Function($"fn-{i:D4}", 512));
        _config.PreviouslyEvaluated.Add(new ResourceKey("AWS::Lambda::Function", "deleted-fn"));
        _config.ListingFailsAfter = 150;

        var act = () => OneBatchAtATime().HandleAsync(ConfigRuleEventParser.Parse(ConfigRuleEventParserTests.Event(Scheduled)), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("ListDiscoveredResources failed*");
        _config.Calls.Should().NotContain(c => c.StartsWith("GetComplianceDetailsByConfigRule", StringComparison.Ordinal));
        _config.Posted.Should().NotContain(e => e.ComplianceResourceId == "deleted-fn");
    }

    [Test]
    public async Task A_failing_batch_fails_the_periodic_run_and_stops_the_listing()
    {
        for (var i = 0; i < 1_000; i++) _config.Add(Function($"fn-{i:D4}", 512));
        _config.BatchGetsFail = true;

        var act = () => OneBatchAtATime().HandleAsync(ConfigRuleEventParser.Parse(ConfigRuleEventParserTests.Event(Scheduled)), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("BatchGetResourceConfig failed*");
        _config.Calls.Should().NotContain("ListDiscoveredResources AWS::Lambda::Function done");
        _config.PutBatches.Should().BeEmpty();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
