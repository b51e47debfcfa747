using System.Text;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public sealed class AccountRuleTests
{
    private const string Scheduled = """{"notificationCreationTime":"2026-11-26T08:00:00.000Z","messageType":"ScheduledNotification"}""";
    private InMemoryConfigService _config = null!;
    private AccountRule _rule = null!;

    [SetUp]
    public void SetUp()
    {
        _config = new InMemoryConfigService { ExpectedResultToken = ConfigRuleEventParserTests.ResultToken };
        _rule = new AccountRule();
    }

    private Task<InvocationReport> Handle(byte[] payload) =>
        new RuleInvocationPipeline(_rule, _config, RuleServices.Empty, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)))
            .HandleAsync(ConfigRuleEventParser.Parse(payload), CancellationToken.None);

    [Test]
    public async Task A_periodic_run_judges_the_account_once_with_the_account_id_as_resource_id_and_lists_nothing()
    {
        var report = await Handle(ConfigRuleEventParserTests.Event(Scheduled));

        var evaluation = _config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceResourceType.Should().Be("AWS::::Account");
        evaluation.ComplianceResourceId.Should().Be("123456789012");
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Account 123456789012 judged.");
        evaluation.OrderingTimestamp.Should().Be(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        _config.Calls.Should().NotContain(call => call.StartsWith("ListDiscoveredResources", StringComparison.Ordinal) || call.StartsWith("BatchGetResourceConfig", StringComparison.Ordinal));
        report.Should().BeEquivalentTo(new { Evaluations = 1, NonCompliant = 1, StaleCleared = 0, PutEvaluationsCalls = 1 });
        _rule.Judged.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ResourceType = "AWS::::Account", AwsAccountId = "123456789012" });
    }

    [Test]
    public async Task The_account_result_of_an_earlier_run_is_not_cleared_as_stale()
    {
        _config.PreviouslyEvaluated.Add(new ResourceKey("AWS::::Account", "123456789012"));

        var report = await Handle(ConfigRuleEventParserTests.Event(Scheduled));

        report.StaleCleared.Should().Be(0);
        _config.Posted.Should().ContainSingle().Which.ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    [Test]
    public async Task A_scheduled_event_without_accountId_is_an_invalid_event_and_posts_nothing()
    {
        var payload = Encoding.UTF8.GetBytes($$"""
            {"invokingEvent":"{{System.Text.Json.JsonEncodedText.Encode(Scheduled)}}","ruleParameters":"{}","resultToken":"token-1","eventLeftScope":false,"configRuleName":"test-account"}
            """);

        var act = () => Handle(payload);

        (await act.Should().ThrowAsync<InvalidEventException>()).Which.Message.Should().Contain("accountId").And.Contain("AWS::::Account");
        _config.PutBatches.Should().BeEmpty();
    }

    [Test]
    public async Task A_change_notification_of_another_type_is_not_applicable_to_an_account_rule()
    {
        await Handle(ConfigRuleEventParserTests.Event(ConfigRuleEventParserTests.ChangeInvokingEvent(ItemFixtures.EventShapeLambda)));

        _config.Posted.Should().ContainSingle().Which.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        _rule.Judged.Should().BeEmpty();
    }

    [Test]
    public void AccountItem_has_an_empty_configuration_so_rules_judge_it()
    {
        var item = AccountItem.For("210987654321", "eu-west-1", null);

        item.HasConfiguration.Should().BeTrue();
        item.ResourceId.Should().Be("210987654321");
        item.AwsRegion.Should().Be("eu-west-1");
        AccountItem.IsAccountType(item.ResourceType).Should().BeTrue();
        AccountItem.IsAccountType("AWS::Lambda::Function").Should().BeFalse();
    }

    private sealed class AccountRule : ConfigRule<object>
    {
        public List<ConfigurationItem> Judged { get; } = [];

        public override RuleDefinition Definition { get; } = new()
        {
            Id = "test-account",
            Title = "Test account rule",
            Description = "Judges the account.",
            ResourceTypes = [AccountItem.ResourceType],
            Triggers = RuleTriggers.Periodic,
            Severity = Severity.Medium,
            Parameters = [],
            Remediation = "None.",
        };

        protected override object ReadParameters(ParameterReader reader) => new();

        protected override ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken)
        {
            lock (Judged) Judged.Add(item);
            return ValueTask.FromResult(Verdict.NonCompliant($"Account {item.ResourceId} judged."));
        }
    }
}
