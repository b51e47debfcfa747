using System.Text.Json;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Transport;
using ConfigRules.Aws.WafV2;
using ConfigRules.Testing;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Framework.Settings;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class WafV2ClientTests : LoopbackClientTests
{
    private const string AclId = "a1b2c3d4-5678-90ab-cdef-111122223333";

    [Test]
    public async Task GetWebACL_sends_name_scope_and_id_from_the_ARN_and_reads_the_rules()
    {
        var arn = Loopback.Server.WafV2.PutWebAcl("api-acl", AclId,
            FakeWafV2Service.RateRule("per-ip", 500), FakeWafV2Service.ManagedGroupRule("common", "AWSManagedRulesCommonRuleSet"));
        var client = WafV2Client.Create(Loopback.Context);

        WebAclArn.TryParse(arn, out var parsed).Should().BeTrue();
        var acl = await client.GetWebAclAsync(parsed, CancellationToken.None);

        acl.Should().NotBeNull();
        acl!.Name.Should().Be("api-acl");
        acl.Rules.Should().Equal(new WebAclRule("per-ip", 0, "Block", true, 500), new WebAclRule("common", 1, null, false, null));
        var request = Loopback.Server.RequestsFor("wafv2", "GetWebACL").Single().Request;
        request.Header("X-Amz-Target").Should().Be("AWSWAF_20190729.GetWebACL");
        request.Header("Content-Type").Should().Be("application/x-amz-json-1.1");
        request.Header("Authorization").Should().Contain("/us-east-1/wafv2/aws4_request");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString()))
            .Should().BeEquivalentTo([("Name", "api-acl"), ("Scope", "REGIONAL"), ("Id", AclId)]);
    }

    [Test]
    public async Task A_deleted_web_ACL_reads_as_null()
    {
        var client = WafV2Client.Create(Loopback.Context);
        WebAclArn.TryParse($"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/gone/{AclId}", out var parsed).Should().BeTrue();

        (await client.GetWebAclAsync(parsed, CancellationToken.None)).Should().BeNull();
        Loopback.Server.RequestsFor("wafv2").Single().Status.Should().Be(400);
    }

    [Test]
    public async Task Throttling_is_retried_and_other_errors_keep_their_AWS_code()
    {
        var arn = Loopback.Server.WafV2.PutWebAcl("api-acl", AclId, FakeWafV2Service.RateRule("per-ip", 100));
        WebAclArn.TryParse(arn, out var parsed).Should().BeTrue();
        var client = WafV2Client.Create(Loopback.Context);
        Loopback.Server.Faults.Throttle("wafv2", "GetWebACL", times: 2);

        (await client.GetWebAclAsync(parsed, CancellationToken.None))!.Rules.Should().ContainSingle();
        Loopback.Server.RequestsFor("wafv2").Select(r => r.Status).Should().Equal(400, 400, 200);

        Loopback.Server.Faults.Error("wafv2", "GetWebACL", 400, "WAFInvalidOperationException", "Not allowed.");
        var thrown = (await FluentActions.Awaiting(() => client.GetWebAclAsync(parsed, CancellationToken.None))
            .Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("WAFInvalidOperationException");
        thrown.Message.Should().Contain("WAFv2 GetWebACL").And.Contain("Not allowed.");
    }

    [TestCase("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/my-acl/" + AclId, "REGIONAL", "my-acl", "eu-west-1")]
    [TestCase("arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge_acl/" + AclId, "CLOUDFRONT", "edge_acl", "us-east-1")]
    public void Web_ACL_ARNs_give_name_id_scope_and_region(string arn, string scope, string name, string region)
    {
        WebAclArn.TryParse(arn, out var parsed).Should().BeTrue();
        parsed.Should().Be(new WebAclArn(arn, region, scope, name, AclId));
    }

    [TestCase("")]
    [TestCase("arn:aws:waf-regional:us-east-1:123456789012:webacl/" + AclId)]
    [TestCase("arn:aws:wafv2:us-east-1:123456789012:regional/ipset/x/" + AclId)]
    [TestCase("arn:aws:wafv2:us-east-1:123456789012:regional/webacl/only-name")]
    [TestCase("arn:aws:wafv2:us-east-1:123456789012:elsewhere/webacl/n/" + AclId)]
    public void Anything_but_a_WAFv2_web_ACL_ARN_is_refused(string arn) =>
        WebAclArn.TryParse(arn, out _).Should().BeFalse();

    [Test]
    public void The_endpoint_variable_is_AWS_ENDPOINT_URL_WAFV2_and_the_public_host_is_regional()
    {
        var resolver = new AwsEndpointResolver(new DictionaryEnvironmentVariables(new Dictionary<string, string>()));
        var endpoint = resolver.Resolve(AwsService.WafV2, "eu-central-1");
        endpoint.BaseUri.Should().Be(new Uri("https://wafv2.eu-central-1.amazonaws.com/"));
        endpoint.SigningName.Should().Be("wafv2");
        AwsService.WafV2.EndpointVariable.Should().Be("AWS_ENDPOINT_URL_WAFV2");
    }

    [Test]
    [Category(ReferenceKit.Category)]
    public void The_client_matches_the_WAFv2_service_model()
    {
        using var model = JsonDocument.Parse(File.ReadAllText(ReferenceKit.Require("aws-models", "wafv2", "service-2.json")));
        var root = model.RootElement;
        root.GetProperty("metadata").GetProperty("targetPrefix").GetString().Should().Be(WafV2Client.TargetPrefix);
        root.GetProperty("metadata").GetProperty("protocol").GetString().Should().Be("json");
        root.GetProperty("metadata").GetProperty("jsonVersion").GetString().Should().Be("1.1");
        root.GetProperty("metadata").GetProperty("endpointPrefix").GetString().Should().Be(AwsService.WafV2.EndpointPrefix);
        var shapes = root.GetProperty("shapes");
        Members(shapes, "GetWebACLRequest").Should().Contain(["Name", "Scope", "Id"]);
        Members(shapes, "GetWebACLResponse").Should().Contain(["WebACL", "LockToken"]);
        Members(shapes, "WebACL").Should().Contain(["Name", "Id", "ARN", "Rules"]);
        Members(shapes, "Rule").Should().Contain(["Name", "Priority", "Statement", "Action", "OverrideAction"]);
        Members(shapes, "Statement").Should().Contain("RateBasedStatement");
        Members(shapes, "RateBasedStatement").Should().Contain(["Limit", "AggregateKeyType", "EvaluationWindowSec"]);
        Members(shapes, "RuleAction").Should().Contain(["Block", "Allow", "Count", "Captcha", "Challenge"]);
        shapes.GetProperty("Scope").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Contain("REGIONAL");
    }

    private static string[] Members(JsonElement shapes, string shape) =>
        shapes.GetProperty(shape).GetProperty("members").EnumerateObject().Select(m => m.Name).ToArray();
}
