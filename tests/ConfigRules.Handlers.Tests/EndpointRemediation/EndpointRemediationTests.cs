using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.EndpointRemediation;

public class EndpointRemediationTests
{
    private const string ApiId = "a1b2c3d4e5";
    private const string Endpoint1 = "vpce-0123456789abcdef0";
    private const string Endpoint2 = "vpce-0fedcba9876543210";

    private static RestApiEndpointState Api(string type, string? policy = null, params string[] endpoints) =>
        new(ApiId, "orders-api", [type], endpoints, policy);

    private static (EndpointRemediationHandler Handler, InMemoryRestApis Apis) Handler(RestApiEndpointState? api)
    {
        var apis = new InMemoryRestApis();
        if (api is not null) apis.With(api);
        return (new EndpointRemediationHandler(apis, EndpointRuleFastPath.Create("api-gateway-endpoint-type-check", new InMemoryConfigRules(), CatalogRuleMatcher.Default)), apis);
    }

    private static async Task<JsonElement> InvokeAsync(EndpointRemediationHandler handler, string payload)
    {
        var body = await handler.HandleJsonAsync(Encoding.UTF8.GetBytes(payload), CancellationToken.None);
        return JsonDocument.Parse(body).RootElement;
    }

    [TestCase("REGIONAL")]
    [TestCase("EDGE")]
    public async Task Makes_a_public_api_private_in_one_update_with_endpoints_and_policy(string type)
    {
        var (handler, apis) = Handler(Api(type));

        var response = await InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}", "VpcEndpointIds": ["{{Endpoint1}}", "{{Endpoint2}}"]}""");

        var update = apis.Updates.Should().ContainSingle().Subject;
        update.Operations.Select(o => (o.Op, o.Path, o.Op == "replace" && o.Path == "/policy" ? null : o.Value)).Should().Equal(
            ("replace", $"/endpointConfiguration/types/{type}", "PRIVATE"),
            ("add", "/endpointConfiguration/vpcEndpointIds", Endpoint1),
            ("add", "/endpointConfiguration/vpcEndpointIds", Endpoint2),
            ("replace", "/policy", null));
        apis[ApiId].EndpointTypes.Should().Equal("PRIVATE");

        using var policy = JsonDocument.Parse(apis[ApiId].Policy!);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        statements.Should().HaveCount(2);
        var deny = statements.Single(s => s.GetProperty("Effect").GetString() == "Deny");
        deny.GetProperty("Action").GetString().Should().Be("execute-api:Invoke");
        deny.GetProperty("Resource").GetString().Should().Be("execute-api:/*");
        deny.GetProperty("Condition").GetProperty("StringNotEquals").GetProperty("aws:SourceVpce")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal(Endpoint1, Endpoint2);
        var allow = statements.Single(s => s.GetProperty("Effect").GetString() == "Allow");
        allow.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceVpce")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal(Endpoint1, Endpoint2);

        response.GetProperty("outcome").GetString().Should().Be("made-private");
        response.GetProperty("previousEndpointTypes").EnumerateArray().Single().GetString().Should().Be(type);
        response.GetProperty("endpointTypes").EnumerateArray().Single().GetString().Should().Be("PRIVATE");
        response.GetProperty("vpcEndpointIdsAdded").GetArrayLength().Should().Be(2);
        response.GetProperty("resourcePolicy").GetString().Should().Be("created");
        response.GetProperty("message").GetString().Should().Contain($"from {type} to PRIVATE").And.Contain("Redeploy");
    }

    [Test]
    public async Task An_api_that_is_already_private_is_left_alone()
    {
        var (handler, apis) = Handler(Api("PRIVATE", null, Endpoint1));

        var response = await InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}", "VpcEndpointIds": "{{Endpoint2}}"}""");

        apis.Updates.Should().BeEmpty();
        response.GetProperty("outcome").GetString().Should().Be("already-private");
        response.GetProperty("message").GetString().Should().Contain("already private");
        response.GetProperty("patchOperations").GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Without_endpoint_ids_a_policy_that_already_admits_a_vpc_is_kept()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringEquals":{"aws:SourceVpc":"vpc-0a1b2c3d"}}}]}""";
        var (handler, apis) = Handler(Api("REGIONAL", policy));

        var response = await InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}"}""");

        apis.Updates.Single().Operations.Should().Equal(new RestApiPatchOperation("replace", "/endpointConfiguration/types/REGIONAL", "PRIVATE"));
        apis[ApiId].Policy.Should().Be(policy);
        response.GetProperty("resourcePolicy").GetString().Should().Be("kept");
    }

    [TestCase(null, "it has no resource policy")]
    [TestCase("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*"}}""", "admits no VPC or VPC endpoint")]
    public async Task Without_endpoint_ids_and_no_vpc_policy_the_change_is_refused(string? policy, string reason)
    {
        var (handler, apis) = Handler(Api("EDGE", policy));

        var act = () => InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}", "VpcEndpointIds": ""}""");

        (await act.Should().ThrowAsync<UnsafeRemediationException>())
            .Where(e => e.ErrorType == "UnsafeRemediationException")
            .WithMessage($"*is EDGE and no VpcEndpointIds were given*{reason}*The API was not changed.");
        apis.Updates.Should().BeEmpty();
    }

    [Test]
    public async Task An_existing_policy_is_extended_not_replaced_and_reads_in_api_gateways_escaped_form()
    {
        // GetRestApi returns the policy with its quotes backslash-escaped.
        const string escaped = """{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyOldClient\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*/DELETE/*\"},{\"Sid\":\"ConfigRulesAllowVpcEndpoints\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}""";
        var (handler, apis) = Handler(Api("REGIONAL", escaped));

        var response = await InvokeAsync(handler, $$"""{"restApiId": "{{ApiId}}", "vpcEndpointIds": ["{{Endpoint1}}"]}""");

        using var policy = JsonDocument.Parse(apis[ApiId].Policy!);
        policy.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Sid").GetString())
            .Should().Equal("DenyOldClient", PrivateEndpointPolicy.DenySid, PrivateEndpointPolicy.AllowSid);
        response.GetProperty("resourcePolicy").GetString().Should().Be("extended");
    }

    [Test]
    public async Task A_policy_that_is_not_json_is_not_overwritten()
    {
        var (handler, apis) = Handler(Api("REGIONAL", "not a policy"));

        var act = () => InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}", "VpcEndpointIds": ["{{Endpoint1}}"]}""");

        await act.Should().ThrowAsync<UnsafeRemediationException>().WithMessage("*not a JSON policy document*");
        apis.Updates.Should().BeEmpty();
    }

    [Test]
    public async Task An_api_that_does_not_exist_fails_clearly()
    {
        var (handler, _) = Handler(null);

        var act = () => InvokeAsync(handler, $$"""{"RestApiId": "{{ApiId}}", "VpcEndpointIds": ["{{Endpoint1}}"]}""");

        (await act.Should().ThrowAsync<RestApiNotFoundException>())
            .Where(e => e.ErrorType == "RestApiNotFoundException")
            .WithMessage($"REST API '{ApiId}' was not found in this account and region*");
    }

    [TestCase(new[] { "EDGE", "REGIONAL" }, "reports endpoint types [EDGE, REGIONAL]")]
    [TestCase(new string[0], "reports endpoint types []")]
    [TestCase(new[] { "GLOBAL" }, "has endpoint type 'GLOBAL'")]
    public void Endpoint_configurations_without_a_known_transition_are_refused(string[] types, string message)
    {
        var act = () => EndpointRemediationPlanner.Plan(new RestApiEndpointState(ApiId, null, types, [], null), [Endpoint1]);

        act.Should().Throw<UnsafeRemediationException>().WithMessage($"*{message}*");
    }

    [Test]
    public void Endpoints_already_attached_are_not_added_twice()
    {
        var plan = EndpointRemediationPlanner.Plan(Api("REGIONAL", null, Endpoint1), [Endpoint1, Endpoint2]);

        plan.VpcEndpointIdsAdded.Should().Equal(Endpoint2);
        plan.Operations.Count(o => o.Path == "/endpointConfiguration/vpcEndpointIds").Should().Be(1);
    }
}
