using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaErrorAlarm;
using ConfigRules.Rules.LambdaTimeout;
using ConfigRules.Sdk.Testing;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Sdk.Tests;

/// <summary>The rule harness drives a real rule of the catalog through the same steps as its hosts.</summary>
public sealed class RuleHarnessTests
{
    private static RuleHarness Harness() => new(new LambdaTimeoutCheck());

    [Test]
    public async Task Evaluating_an_item_applies_the_rule_defaults_and_names_the_limit()
    {
        var evaluation = await Harness().EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("slow").With("timeout", 900));

        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Timeout 900 s exceeds the maximum of 300 s; lower Timeout or raise lambda-timeout-check's maxTimeout.");
        evaluation.OrderingTimestamp.Should().Be(ConfigurationItemBuilder.DefaultCaptureTime);
    }

    [Test]
    public async Task Parameters_given_by_name_replace_the_defaults()
    {
        var evaluation = await Harness().EvaluateAsync(
            ConfigurationItemBuilder.LambdaFunction().With("timeout", 900),
            new Dictionary<string, string> { ["maxTimeout"] = "900" });

        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
    }

    [Test]
    public void Both_item_shapes_are_judged_alike_for_any_timeout() =>
        Gen.Int[-5, 1000].Sample(timeout =>
        {
            var harness = Harness();
            var item = ConfigurationItemBuilder.LambdaFunction().With("timeout", timeout);
            var fromEvent = harness.EvaluateAsync(item, shape: ItemShape.InvokingEvent).GetAwaiter().GetResult();
            var fromApi = harness.EvaluateAsync(item, shape: ItemShape.Api).GetAwaiter().GetResult();
            return fromEvent == fromApi && fromEvent.ComplianceType == (timeout is >= 1 and <= 300 ? ComplianceType.Compliant : ComplianceType.NonCompliant);
        });

    [Test]
    public async Task A_change_notification_posts_one_evaluation_with_the_event_result_token()
    {
        var harness = Harness();

        var result = await harness.InvokeAsync(ConfigRuleEvents.Change(
            ConfigurationItemBuilder.LambdaFunction("orders").With("timeout", 30), options: new EventOptions { ResultToken = "token-42" }));

        result.Single.Should().Be(new Framework.Evaluation.Evaluation(
            "AWS::Lambda::Function", "orders", ComplianceType.Compliant, "Timeout 30 s is within 1-300 s.", ConfigurationItemBuilder.DefaultCaptureTime));
        result.Report.PutEvaluationsCalls.Should().Be(1);
        harness.Config.ResultTokens.Should().Equal("token-42");
    }

    [Test]
    public async Task An_oversized_notification_reads_the_item_from_Config()
    {
        var harness = Harness();
        var function = ConfigurationItemBuilder.LambdaFunction("big").With("timeout", 600);
        harness.Config.Add(function.Build(ItemShape.Api));

        var result = await harness.InvokeAsync(ConfigRuleEvents.Oversized(function));

        result.Single.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        result.Report.MessageType.Should().Be(ConfigRuleEventParser.OversizedNotification);
    }

    [Test]
    public async Task A_deleted_function_is_not_applicable()
    {
        var result = await Harness().InvokeAsync(ConfigRuleEvents.Change(
            ConfigurationItemBuilder.LambdaFunction("gone").WithStatus(ConfigurationItemStatus.ResourceDeleted)));

        result.Single.ComplianceType.Should().Be(ComplianceType.NotApplicable);
    }

    [Test]
    public async Task A_periodic_run_posts_in_batches_of_100_and_clears_results_of_resources_that_are_gone()
    {
        var harness = Harness();
        for (var i = 0; i < 250; i++)
            harness.Config.Add(ConfigurationItemBuilder.LambdaFunction($"fn-{i:D3}").With("timeout", i % 2 == 0 ? 30 : 600).Build(ItemShape.Api));
        harness.Config.PreviouslyEvaluated.Add(new ResourceKey("AWS::Lambda::Function", "deleted-fn"));

        var result = await harness.InvokeAsync(ConfigRuleEvents.Scheduled());

        result.Evaluations.Should().HaveCount(251);
        result.WithCompliance(ComplianceType.NonCompliant).Should().HaveCount(125);
        result.For("deleted-fn").ComplianceType.Should().Be(ComplianceType.NotApplicable);
        harness.Config.PutBatches.Should().OnlyContain(batch => batch.Count <= 100);
        result.Evaluations.Should().OnlyContain(evaluation => evaluation.OrderingTimestamp == ConfigRuleEvents.DefaultNotificationTime);
    }

    [Test]
    public async Task Invalid_parameters_fail_the_invocation_and_nothing_is_posted()
    {
        var harness = Harness();

        var act = () => harness.InvokeAsync(ConfigRuleEvents.Change(
            ConfigurationItemBuilder.LambdaFunction(), new Dictionary<string, string> { ["maxTimeout"] = "forever" }));

        (await act.Should().ThrowAsync<InvalidParameterValueException>()).Which.Message.Should().Contain("maxTimeout");
        harness.Config.Posted.Should().BeEmpty();
    }

    [Test]
    public async Task Offline_lookups_answer_as_the_CLI_does_and_a_registry_of_fakes_replaces_them()
    {
        var function = ConfigurationItemBuilder.LambdaFunction("orders-api");

        var offline = await new RuleHarness(new LambdaErrorAlarmCheck()).WithOfflineLookups().EvaluateAsync(function);
        offline.ComplianceType.Should().Be(ComplianceType.NotApplicable, "an input without alarms cannot tell");
        offline.Annotation.Should().Contain("no AWS::CloudWatch::Alarm items");

        var bare = () => new RuleHarness(new LambdaErrorAlarmCheck()).EvaluateAsync(function);
        (await bare.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(nameof(IErrorAlarmLookup));

        var faked = new RuleHarness(new LambdaErrorAlarmCheck()) { Services = RuleServices.Empty.Add<IErrorAlarmLookup>(new NoAlarms()) };
        (await faked.EvaluateAsync(function)).ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [Test]
    public async Task Judging_gives_the_rule_s_own_verdict_with_the_parameters_parsed()
    {
        var harness = Harness();
        var item = ConfigurationItemBuilder.LambdaFunction("slow").With("timeout", 900).Build();

        var verdict = await harness.JudgeAsync(item);
        var evaluation = await harness.EvaluateAsync(item);

        verdict.Should().Be(new Verdict(evaluation.ComplianceType, evaluation.Annotation));
        (await harness.JudgeAsync(item, new Dictionary<string, string> { ["maxTimeout"] = "900" })).Compliance.Should().Be(ComplianceType.Compliant);
        var bad = () => harness.JudgeAsync(item, new Dictionary<string, string> { ["maxTimeout"] = "forever" });
        await bad.Should().ThrowAsync<InvalidParameterValueException>();
    }

    private sealed class NoAlarms : IErrorAlarmLookup
    {
        public Task<IReadOnlyList<ErrorAlarm>> ListMetricAlarmsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ErrorAlarm>>([]);
    }

    [Test]
    public async Task Supplementary_configuration_and_tags_reach_the_rule_in_both_shapes()
    {
        var builder = ConfigurationItemBuilder.LambdaFunction("orders")
            .WithTag("owner", "payments")
            .WithSupplementary("Concurrency", new JsonObject { ["reservedConcurrentExecutions"] = 5 });

        foreach (var shape in new[] { ItemShape.InvokingEvent, ItemShape.Api })
        {
            var item = builder.Build(shape);
            item.Tags.Should().Contain("owner", "payments");
            item.SupplementaryConfiguration["Concurrency"].GetProperty("reservedConcurrentExecutions").GetInt32().Should().Be(5);
            item.Arn.Should().Be("arn:aws:lambda:us-east-1:123456789012:function:orders");
        }
    }
}
