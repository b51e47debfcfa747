using ConfigRules.Framework.Events;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Framework.Rules;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>Exemptions applied where the rule functions apply them: in the pipeline, per item, before PutEvaluations.</summary>
public class PipelineExemptionTests
{
    private const string Account = "123456789012";
    private static readonly ExemptionCatalog Catalog = new([new(MaxMemoryRule.Data.Id, true), new(NotExemptibleRule.RuleId, false)]);

    private FakeTimeProvider time = null!;
    private InMemoryConfigService config = null!;

    [SetUp]
    public void SetUp()
    {
        // The last second of the exemption's day, UTC.
        time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero));
        config = new InMemoryConfigService { ExpectedResultToken = ConfigRuleEventParserTests.ResultToken };
    }

    private static ExemptionDocument Document(string resourceId = "big-*", string expires = "2027-03-31", string? accountId = Account) =>
        ExemptionDocument.Parse("s3://governance/exemptions.yaml", $$"""
            exemptions:
              - rule: test-max-memory
                resourceId: {{resourceId}}
                {{(accountId is null ? "" : $"accountId: \"{accountId}\"")}}
                reason: Batch import needs the memory until the redesign.
                owner: payments-team
                ticket: GOV-142
                expires: {{expires}}
            """, Catalog);

    private RuleInvocationPipeline Pipeline(IExemptionSource source, IConfigRule? rule = null) =>
        new(rule ?? new MaxMemoryRule(), config, RuleServices.Empty, time, new PipelineOptions { Exemptions = source, MaxConcurrentBatches = 1 });

    private static byte[] Change(string id, long memory, string account = Account) => ConfigRuleEventParserTests.Event(
        ConfigRuleEventParserTests.ChangeInvokingEvent($$"""
            {"resourceType":"AWS::Lambda::Function","resourceId":"{{id}}","awsAccountId":"{{account}}","configurationItemStatus":"OK",
             "configurationItemCaptureTime":"2026-03-04T10:15:30.000Z","configuration":{"memorySize":{{memory}}} }
            """));

    private static ConfigurationItem Item(string id, long memory) => ConfigurationItemMapper.Parse($$"""
        {"resourceType":"AWS::Lambda::Function","resourceId":"{{id}}","awsAccountId":"{{Account}}","configurationItemStatus":"OK",
         "configurationItemCaptureTime":"2026-03-04T10:15:30.000Z","configuration":{"memorySize":{{memory}}.0} }
        """);

    private Task<InvocationReport> Handle(IExemptionSource source, byte[] payload, IConfigRule? rule = null) =>
        Pipeline(source, rule).HandleAsync(ConfigRuleEventParser.Parse(payload), CancellationToken.None);

    [Test]
    public async Task An_exemption_in_force_on_its_last_second_posts_NOT_APPLICABLE_with_the_contract_annotation()
    {
        var report = await Handle(new FixedExemptions(Document()), Change("big-fn", 2048));

        var evaluation = config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Be("Exempt until 2027-03-31 (payments-team, GOV-142): Batch import needs the memory until the redesign.");
        evaluation.AppliedExemption!.Owner.Should().Be("payments-team");
        report.NotApplicable.Should().Be(1);
    }

    [Test]
    public async Task From_the_day_after_the_finding_stands_and_says_that_the_exemption_expired()
    {
        time.Advance(TimeSpan.FromSeconds(1));

        await Handle(new FixedExemptions(Document()), Change("big-fn", 2048));

        var evaluation = config.Posted.Should().ContainSingle().Subject;
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Be("Exemption expired on 2027-03-31. Memory 2048 MB is above the maximum of 1024 MB.");
        evaluation.AppliedExemption.Should().BeNull();
        evaluation.Exemption!.Expired.Should().BeTrue();
    }

    [Test]
    public async Task A_resource_of_another_account_or_name_keeps_the_rule_verdict()
    {
        await Handle(new FixedExemptions(Document()), Change("big-fn", 2048, account: "210987654321"));
        await Handle(new FixedExemptions(Document()), Change("small-fn", 2048));

        config.Posted.Should().HaveCount(2).And.OnlyContain(e => e.ComplianceType == ComplianceType.NonCompliant && e.Exemption == null);
    }

    [Test]
    public async Task Periodic_evaluations_are_exempted_item_by_item()
    {
        config.Add(Item("big-batch", 4096));
        config.Add(Item("other-fn", 4096));
        config.Add(Item("big-small", 256));

        await Handle(new FixedExemptions(Document()), ConfigRuleEventParserTests.Event(
            """{"notificationCreationTime":"2027-03-31T08:00:00.000Z","messageType":"ScheduledNotification"}"""));

        config.Posted.ToDictionary(e => e.ComplianceResourceId, e => e.ComplianceType).Should().BeEquivalentTo(new Dictionary<string, ComplianceType>
        {
            ["big-batch"] = ComplianceType.NotApplicable,
            ["big-small"] = ComplianceType.NotApplicable,
            ["other-fn"] = ComplianceType.NonCompliant,
        });
    }

    [Test]
    public async Task An_unreadable_or_invalid_document_fails_the_invocation_and_posts_nothing()
    {
        var unreadable = new CachedExemptions("s3://governance/exemptions.yaml",
            _ => throw new InvalidOperationException("NoSuchKey"), Catalog, time);
        var invalid = new CachedExemptions("s3://governance/exemptions.yaml",
            _ => Task.FromResult("exemptions:\n  - {rule: test-max-memory, resourceId: a, owner: o, expires: 2027-03-31}\n"), Catalog, time);

        var readFailure = () => Handle(unreadable, Change("big-fn", 2048));
        var invalidFailure = () => Handle(invalid, Change("big-fn", 2048));

        (await readFailure.Should().ThrowAsync<InvalidExemptionsException>()).Which.Message
            .Should().Contain("Cannot read the exemptions document s3://governance/exemptions.yaml").And.Contain("NoSuchKey");
        (await invalidFailure.Should().ThrowAsync<InvalidExemptionsException>()).Which.Message
            .Should().Contain("s3://governance/exemptions.yaml:2: entry 1").And.Contain("reason");
        config.PutBatches.Should().BeEmpty();
        unreadable.Dispose();
        invalid.Dispose();
    }

    [Test]
    public async Task A_rule_that_cannot_be_exempted_never_reads_the_document()
    {
        var reads = 0;
        using var source = new CachedExemptions("s3://governance/exemptions.yaml", _ =>
        {
            reads++;
            throw new InvalidOperationException("must not be read");
        }, Catalog, time);

        await Handle(source, Change("big-fn", 2048), new NotExemptibleRule());

        reads.Should().Be(0);
        config.Posted.Should().ContainSingle().Which.ComplianceType.Should().Be(ComplianceType.NonCompliant);
    }

    /// <summary>The memory rule under another id, marked not exemptible (as lambda-public-access-check is).</summary>
    private sealed class NotExemptibleRule : IConfigRule
    {
        public const string RuleId = "test-locked-memory";
        private readonly MaxMemoryRule inner = new();

        public RuleDefinition Definition { get; } = MaxMemoryRule.Data with { Id = RuleId, Exemptible = false };

        public object ParseParameters(IReadOnlyDictionary<string, string> raw) => ((IConfigRule)inner).ParseParameters(raw);

        public ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken) =>
            ((IConfigRule)inner).EvaluateAsync(item, parameters, context, cancellationToken);
    }
}
