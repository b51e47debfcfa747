using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Lambda.Tests.Fixtures;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Lambda.Tests.Rules;

/// <summary>
/// api-gateway-stage-waf-check end to end through the published bootstrap: the stage's web ACL read from the fake
/// WAFv2 with signed GetWebACL calls (awsJson1_1, scope REGIONAL, name and id from the ARN).
/// </summary>
[TestFixture]
public sealed class ApiGatewayStageWafCheckProcessTests : RuleProcessTests
{
    private const string Id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static string AclArn(string name) => $"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/{name}/{Id}";

    protected override string Handler => "api-gateway-stage-waf-check";

    protected override string ResourceType => ApiGatewayItems.StageType;

    protected override void ArrangeAccount(LoopbackAwsServer aws)
    {
        aws.WafV2.PutWebAcl("blocking", Id, FakeWafV2Service.ManagedGroupRule("common", "AWSManagedRulesCommonRuleSet"), FakeWafV2Service.RateRule("per-ip", 500, priority: 2));
        aws.WafV2.PutWebAcl("signed-acl", Id, FakeWafV2Service.RateRule("per-ip", 100));
        aws.WafV2.PutWebAcl("counting", Id, FakeWafV2Service.RateRule("per-ip", 500, "Count"));
        aws.Config.Put(StageResource("periodic-ok", AclArn("blocking")));
        aws.Config.Put(StageResource("periodic-open", null));
    }

    private static FakeResource StageResource(string stage, string? webAclArn)
    {
        var item = Stage(stage, webAclArn);
        return new FakeResource
        {
            ResourceType = ApiGatewayItems.StageType, ResourceId = item["resourceId"]!.GetValue<string>(), ResourceName = stage,
            Arn = item["ARN"]!.GetValue<string>(), CaptureTime = FunctionResources.OversizedCaptureTime, Configuration = item["configuration"]!.AsObject().DeepClone().AsObject(),
        };
    }

    private static JsonObject Stage(string stage, string? webAclArn)
    {
        var item = ApiGatewayItems.Stage("a1b2c3d4e5", stage);
        if (webAclArn is not null) item["configuration"]!.AsObject()["webAclArn"] = webAclArn;
        return item;
    }

    private static string StageId(string stage) => $"{ApiGatewayItems.Arn("a1b2c3d4e5")}/stages/{stage}";

    [TestCase("blocking", "{}", "COMPLIANT", "Web ACL blocking of stage prod of REST API a1b2c3d4e5 blocks clients above 500 requests (rate-based rule per-ip).")]
    [TestCase("blocking", """{"maxRateLimit":"100"}""", "NON_COMPLIANT",
        "Web ACL blocking of stage prod of REST API a1b2c3d4e5 blocks only above 500 requests (rule per-ip), more than the maximum of 100; lower the rule's Limit or raise maxRateLimit.")]
    [TestCase("counting", "{}", "NON_COMPLIANT",
        "Web ACL counting of stage prod of REST API a1b2c3d4e5: rate-based rule per-ip has action Count, which does not block; set its action to Block.")]
    [TestCase("deleted", "{}", "NON_COMPLIANT",
        "Web ACL deleted of stage prod of REST API a1b2c3d4e5 does not exist; associate an existing WAFv2 web ACL with a rate-based rule that blocks.")]
    public async Task A_change_notification_judges_the_web_ACL_as_WAFv2_describes_it(string acl, string parameters, string complianceType, string annotation)
    {
        var invocation = await ChangeAsync(Stage("prod", AclArn(acl)), JsonNode.Parse(parameters)!.AsObject());

        var evaluation = SingleEvaluation(invocation, ResourceType, StageId("prod"), LambdaFunctionItems.CaptureTime);
        evaluation.ComplianceType.Should().Be(complianceType);
        evaluation.Annotation.Should().Be(annotation);
    }

    [Test]
    public async Task The_web_ACL_is_read_with_a_signed_GetWebACL_call()
    {
        await ChangeAsync(Stage("signed", AclArn("signed-acl")));

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
        var invocation = await ChangeAsync(Stage("bare", null));

        SingleEvaluation(invocation, ResourceType, StageId("bare"), LambdaFunctionItems.CaptureTime).Annotation
            .Should().StartWith("Stage bare of REST API a1b2c3d4e5 has no web ACL");
    }

    [Test]
    public async Task A_periodic_run_judges_every_stage_and_clears_a_stale_result()
    {
        var invocation = await PeriodicAsync(StageId("removed"));

        ShouldHaveJudgedTheAccount(invocation, new Dictionary<string, string>
        {
            [StageId("periodic-ok")] = "COMPLIANT",
            [StageId("periodic-open")] = "NON_COMPLIANT",
        }, StageId("removed"));
    }

    [TestCase("""{"maxRateLimit":"5"}""", "maxRateLimit")]
    [TestCase("""{"allowedWebAclArnPatterns":"webacl/x"}""", "allowedWebAclArnPatterns")]
    public async Task An_invalid_parameter_fails_the_invocation_naming_it(string parameters, string named)
    {
        var invocation = await ChangeAsync(Stage("prod", AclArn("blocking")), JsonNode.Parse(parameters)!.AsObject());

        ShouldFailNaming(invocation, named);
    }
}
