using ConfigRules.Aws.Transport;
using ConfigRules.Aws.WafV2;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.ApiGatewayStageWaf;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.Lookups;

/// <summary>api-gateway-stage-waf-check's live lookup: WAFv2 GetWebACL through signed requests to a loopback account.</summary>
[NonParallelizable]
public sealed class WafV2LookupTests
{
    private const string Id = "a1b2c3d4-5678-90ab-cdef-111122223333";
    private LoopbackAws _aws = null!;

    [SetUp]
    public void SetUp() => _aws = LoopbackAws.Start();

    [TearDown]
    public async Task TearDown() => await _aws.DisposeAsync();

    private RuleServices Services(TimeProvider? time = null) =>
        RuleLookups.Live(RuleCatalog.Definitions, new LookupInfrastructure(time ?? TimeProvider.System).With(_aws.Context));

    private static ConfigurationItem StageWith(string arn) => ConfigurationItemBuilder.RestApiStage().With("webAclArn", arn).Build(ItemShape.Api);

    [Test]
    public async Task The_stage_rule_reads_the_web_ACL_from_WAFv2()
    {
        var arn = _aws.Server.WafV2.PutWebAcl("api-acl", Id, FakeWafV2Service.ManagedGroupRule("common", "AWSManagedRulesCommonRuleSet"),
            FakeWafV2Service.RateRule("per-ip", 2000, priority: 2));
        var evaluation = await HarnessFor(new ApiGatewayStageWafCheck(), Services()).EvaluateAsync(StageWith(arn), Params(("maxRateLimit", "1000")));

        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Contain("blocks only above 2000 requests (rule per-ip), more than the maximum of 1000");
        _aws.Server.RequestsFor("wafv2", "GetWebACL").Single().Request.BodyText.Should().Contain("\"Scope\":\"REGIONAL\"");
    }

    [Test]
    public async Task A_deleted_web_ACL_is_a_finding_and_a_failing_call_fails_the_evaluation()
    {
        var rule = new ApiGatewayStageWafCheck();
        var gone = await HarnessFor(rule, Services()).EvaluateAsync(StageWith($"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/gone/{Id}"));
        gone.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        gone.Annotation.Should().Contain("does not exist");

        _aws.Server.Faults.Error("wafv2", "GetWebACL", 400, "AccessDeniedException", "not authorized to perform: wafv2:GetWebACL");
        var denied = async () => await HarnessFor(rule, Services()).EvaluateAsync(StageWith($"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/other/{Id}"));
        (await denied.Should().ThrowAsync<AwsServiceException>()).Which.ErrorCode.Should().Be("AccessDeniedException");
    }

    [Test]
    public async Task Stages_sharing_a_web_ACL_cost_one_call_until_the_answer_expires()
    {
        var arn = _aws.Server.WafV2.PutWebAcl("shared", Id, FakeWafV2Service.RateRule("per-ip", 100, "Count"));
        WebAclArn.TryParse(arn, out var parsed).Should().BeTrue();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var lookup = new WafV2WebAclLookup(WafV2Client.Create(_aws.Context), time);

        for (var i = 0; i < 4; i++) await lookup.GetWebAclAsync(parsed, CancellationToken.None);
        _aws.Server.RequestsFor("wafv2", "GetWebACL").Should().HaveCount(1);

        time.Advance(WafV2WebAclLookup.CacheDuration);
        _aws.Server.WafV2.PutWebAcl("shared", Id, FakeWafV2Service.RateRule("per-ip", 100));
        (await lookup.GetWebAclAsync(parsed, CancellationToken.None))!.Rules.Single().Action.Should().Be("Block");
        _aws.Server.RequestsFor("wafv2", "GetWebACL").Should().HaveCount(2);
    }
}
