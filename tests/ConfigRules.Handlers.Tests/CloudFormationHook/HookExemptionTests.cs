using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Rules;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using static ConfigRules.Handlers.Tests.CloudFormationHook.HookRequests;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>
/// The hook exempts findings with the framework's step the rule functions and the CLI take
/// (ItemEvaluator.ApplyExemptions, contract 2.5): SKIPPED with the exemption's text, expiry, not-exemptible rules.
/// </summary>
[TestFixture]
public sealed class HookExemptionTests
{
    private const string TimeoutRule = """{"lambda-timeout-check": {"maxTimeout": "60"}}""";

    [Test]
    public async Task An_expired_exemption_leaves_the_finding_and_says_when_it_expired()
    {
        var document = Document("2026-11-30");

        var response = await Hook(TimeoutRule, exemptions: new FixedExemptions(document))
            .HandleAsync(Resource("AWS::Lambda::Function", Function(timeout: "900")), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Message.Should().NotContain("exempted");
        var timeout = response.Annotations.Should().ContainSingle().Subject;
        timeout.Status.Should().Be("FAILED");
        timeout.StatusMessage.Should().Contain("2026-11-30");
    }

    [Test]
    public async Task An_exemption_through_today_still_holds()
    {
        var response = await Hook(TimeoutRule, exemptions: new FixedExemptions(Document("2026-12-02")))
            .HandleAsync(Resource("AWS::Lambda::Function", Function(timeout: "900")), CancellationToken.None);

        response.HookStatus.Should().Be("SUCCESS");
        response.Annotations.Should().ContainSingle().Which.Status.Should().Be("SKIPPED");
    }

    [Test]
    public async Task A_rule_the_catalog_marks_not_exemptible_keeps_its_finding_whatever_the_document_says()
    {
        // A document read against a catalog in which the rule was still exemptible: the hook's own catalog decides.
        var document = Document("2027-03-31");
        var closed = new NotExemptible(RuleCatalog.All.Single(rule => rule.Definition.Id == "lambda-timeout-check"));
        var rules = HookRuleSet.FromEnvironment(name => name == HookRuleSet.Variable ? TimeoutRule : null, [closed]);
        var time = new FakeTimeProvider(Now);
        var offline = new HookJudge(rules, time).OfflineServices([]);
        var hook = new CloudFormationHookHandler(rules, new FixedExemptions(document), new FakePayloads(), new HookLookups(offline, null, offline), time, RuntimeLogger.Null);

        var response = await hook.HandleAsync(Resource("AWS::Lambda::Function", Function(timeout: "900")), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Annotations.Should().ContainSingle().Which.Status.Should().Be("FAILED");
    }

    [Test]
    public async Task A_long_reason_is_cut_in_the_annotation_and_the_message_stays_within_4096_characters()
    {
        var reason = string.Concat(Enumerable.Repeat("The nightly settlement batch needs the long timeout. ", 20));
        var document = Document("2027-03-31", reason: reason, resourceId: "Exempt*");
        var resources = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"""
              {(i % 2 == 0 ? "Exempt" : "Failing")}{i:D3}:
                Type: AWS::Lambda::Function
                Properties: {"{"}Runtime: python3.13, Handler: a.b, Timeout: 900, Role: arn:aws:iam::123456789012:role/r{"}"}
            """));
        var payloads = new FakePayloads().With("https://payloads.example/s", StackPayload("Resources:\n" + resources));

        var response = await Hook(TimeoutRule, payloads, new FixedExemptions(document)).HandleAsync(Stack("https://payloads.example/s"), CancellationToken.None);

        response.HookStatus.Should().Be("FAILED");
        response.Message.Length.Should().BeLessThanOrEqualTo(HookAnswer.MaxMessageLength);
        response.Message.Should().StartWith("ConfigRules: 60 NON_COMPLIANT findings stop this deployment (60 exempted findings not counted).")
            .And.NotContain("- Exempt0");
        var exempted = response.Annotations.Where(a => a.Status == "SKIPPED").ToList();
        exempted.Should().HaveCount(60);
        exempted.Should().OnlyContain(a => a.StatusMessage!.Contains("Exempt until 2027-03-31 (platform-team, GOV-12): The nightly settlement"));
        exempted.Select(a => a.StatusMessage!.Length - a.StatusMessage.IndexOf(": ", StringComparison.Ordinal) - 2)
            .Should().OnlyContain(length => length <= 256, "an exemption's annotation is cut to 256 characters");
    }

    private static ExemptionDocument Document(string expires, string reason = "Nightly batch needs 15 minutes", string resourceId = "Orders*") =>
        ExemptionDocument.Parse("exemptions.yaml", $"""
            exemptions:
              - rule: lambda-timeout-check
                resourceId: "{resourceId}"
                reason: "{reason}"
                owner: platform-team
                ticket: GOV-12
                expires: {expires}
            """, ExemptionCatalog.FromDefinitions(RuleCatalog.All.Select(r => r.Definition)));

    /// <summary>A catalog rule as a newer catalog declares it: not exemptible.</summary>
    private sealed class NotExemptible(IConfigRule inner) : IConfigRule
    {
        public RuleDefinition Definition { get; } = inner.Definition with { Exemptible = false };

        public object ParseParameters(IReadOnlyDictionary<string, string> raw) => inner.ParseParameters(raw);

        public ValueTask<Verdict> EvaluateAsync(ConfigurationItem item, object parameters, RuleContext context, CancellationToken cancellationToken) =>
            inner.EvaluateAsync(item, parameters, context, cancellationToken);
    }
}
