using System.Text.Json;
using System.Text.Json.Nodes;
using static ConfigRules.Lambda.Tests.Fixtures.ApiGatewayItems;
using static ConfigRules.Lambda.Tests.Fixtures.FunctionItems;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// api-gateway-stage-waf-check end to end through the published bootstrap: the stage's web ACL read from the fake
/// WAFv2 with signed GetWebACL calls (awsJson1_1, scope REGIONAL, name and id from the ARN).
/// </summary>
public sealed class ApiGatewayStageWafCheckProcessTests() : RuleProcessTests("api-gateway-stage-waf-check", StageType)
{
    private const string Id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static string AclArn(string name) => $"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/{name}/{Id}";

    private static ConfigurationItemBuilder Guarded(string stage, string? webAclArn) =>
        Stage(stage, webAclArn is null ? null : new JsonObject { ["webAclArn"] = webAclArn });

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.WafV2.PutWebAcl("blocking", Id, FakeWafV2Service.ManagedGroupRule("common", "AWSManagedRulesCommonRuleSet"), FakeWafV2Service.RateRule("per-ip", 500, priority: 2));
        aws.WafV2.PutWebAcl("signed-acl", Id, FakeWafV2Service.RateRule("per-ip", 100));
        aws.WafV2.PutWebAcl("counting", Id, FakeWafV2Service.RateRule("per-ip", 500, "Count"));
        aws.Config.Put(Recorded(Guarded("periodic-ok", AclArn("blocking"))));
        aws.Config.Put(Recorded(Guarded("periodic-open", null)));
    }

    [TestCase("blocking", "{}", "COMPLIANT", "Web ACL blocking of stage prod of REST API a1b2c3d4e5 blocks clients above 500 requests (rate-based rule per-ip).")]
    [TestCase("blocking", """{"maxRateLimit":"100"}""", "NON_COMPLIANT",
        "Web ACL blocking of stage prod of REST API a1b2c3d4e5 blocks only above 500 requests (rule per-ip), more than the maximum of 100; lower the rule's Limit or raise maxRateLimit.")]
    [TestCase("counting", "{}", "NON_COMPLIANT",
        "Web ACL counting of stage prod of REST API a1b2c3d4e5: rate-based rule per-ip has action Count, which does not block; set its action to Block.")]
    [TestCase("deleted", "{}", "NON_COMPLIANT",
        "Web ACL deleted of stage prod of REST API a1b2c3d4e5 does not exist; associate an existing WAFv2 web ACL with a rate-based rule that blocks.")]
    public async Task A_change_notification_judges_the_web_ACL_as_WAFv2_describes_it(string acl, string parameters, string complianceType, string annotation) =>
        await ShouldJudgeAsync(Guarded("prod", AclArn(acl)), parameters, complianceType, annotation);

    [Test]
    public async Task The_web_ACL_is_read_with_a_signed_GetWebACL_call()
    {
        await ChangeAsync(Guarded("signed", AclArn("signed-acl")));

        var call = Aws.RequestsFor("wafv2", "GetWebACL").Where(r => BodyString(r, "Name") == "signed-acl").Should().ContainSingle().Subject;
        call.SignatureValid.Should().BeTrue(call.ToString());
        call.Status.Should().Be(200);
        call.Request.Header("X-Amz-Target").Should().Be("AWSWAF_20190729.GetWebACL");
        call.Request.Header("X-Amz-Security-Token").Should().Be(LoopbackAwsServer.SessionToken);
        using var body = JsonDocument.Parse(call.Request.Body);
        body.RootElement.GetProperty("Scope").GetString().Should().Be("REGIONAL");
        body.RootElement.GetProperty("Name").GetString().Should().Be("signed-acl");
        body.RootElement.GetProperty("Id").GetString().Should().Be(Id);
    }

    [Test]
    public async Task A_stage_without_a_web_ACL_needs_no_WAF_call()
    {
        var bare = Guarded("bare", null);

        var invocation = await ChangeAsync(bare);

        SingleEvaluation(invocation, bare).Annotation.Should().StartWith("Stage bare of REST API a1b2c3d4e5 has no web ACL");
    }

    [Test]
    public async Task A_periodic_run_judges_every_stage_and_clears_a_stale_result() =>
        await ShouldJudgeTheAccountAsync(StageArn("removed"), new Dictionary<string, string>
        {
            [StageArn("periodic-ok")] = "COMPLIANT",
            [StageArn("periodic-open")] = "NON_COMPLIANT",
        });

    [TestCase("""{"maxRateLimit":"5"}""", "maxRateLimit")]
    [TestCase("""{"allowedWebAclArnPatterns":"webacl/x"}""", "allowedWebAclArnPatterns")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named) =>
        await ShouldRefuseAsync(Guarded("prod", AclArn("blocking")), parameters, named);
}
