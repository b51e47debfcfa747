using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.Tests.EndpointRemediation;
using ConfigRules.Testing.Lambda;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.Bootstrap;

/// <summary>
/// api-gateway-endpoint-remediation end to end: the published bootstrap as a process, SSM Automation payloads and
/// CloudTrail events from the loopback Runtime API, signed API Gateway and Config calls to the loopback account.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class EndpointRemediationProcessTests
{
    private const string Handler = "api-gateway-endpoint-remediation";
    private const string ApiId = "a1b2c3d4e5";
    private const string Endpoint = "vpce-0123456789abcdef0";

    private const string PackRule = "api-gateway-endpoint-type-check-conformance-pack-abc123";

    /// <summary>The function as the deploy stack configures it: ENDPOINT_RULE_NAME is the catalog id.</summary>
    private static LoopbackFunction Start(string? type, string? policy = null, params string[] deployedRules) =>
        LoopbackFunction.Start(Handler, aws =>
        {
            if (type is not null) aws.ApiGateway.PutRestApi(ApiId, type, "orders-api", policy);
            foreach (var rule in deployedRules) aws.Config.AddConfigRule(rule);
            return new Dictionary<string, string> { ["ENDPOINT_RULE_NAME"] = "api-gateway-endpoint-type-check" };
        });

    private static byte[] Payload(string json) => Encoding.UTF8.GetBytes(json);

    [TestCase("REGIONAL")]
    [TestCase("EDGE")]
    public async Task A_public_api_with_vpc_endpoints_given_becomes_private(string type)
    {
        await using var function = Start(type);

        var outcome = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}","VpcEndpointIds":["{{Endpoint}}"]}"""));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        var api = function.Aws.ApiGateway.Get(ApiId)!;
        api.EndpointType.Should().Be("PRIVATE");
        api.VpcEndpointIds.Should().Equal(Endpoint);
        using (var policy = JsonDocument.Parse(api.Policy!))
            policy.RootElement.GetProperty("Statement").GetArrayLength().Should().Be(2);
        function.Aws.Requests.Select(r => r.Operation).Should().Equal("GetRestApi", "UpdateRestApi");
        function.Aws.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200);
        outcome.Json.GetProperty("outcome").GetString().Should().Be("made-private");
        outcome.Json.GetProperty("previousEndpointTypes")[0].GetString().Should().Be(type);
        outcome.Json.GetProperty("endpointTypes")[0].GetString().Should().Be("PRIVATE");
    }

    [Test]
    public async Task An_api_already_private_is_not_touched()
    {
        await using var function = Start("PRIVATE");

        var outcome = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}","VpcEndpointIds":"{{Endpoint}}"}"""));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("outcome").GetString().Should().Be("already-private");
        function.Aws.Requests.Select(r => r.Operation).Should().Equal("GetRestApi");
    }

    [Test]
    public async Task Without_vpc_endpoints_and_without_a_vpc_policy_the_change_is_refused()
    {
        await using var function = Start("REGIONAL");

        var outcome = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}"}"""));

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("UnsafeRemediationException");
        outcome.ErrorMessage.Should().Contain("no VpcEndpointIds were given").And.Contain("The API was not changed.");
        function.Aws.ApiGateway.Get(ApiId)!.EndpointType.Should().Be("REGIONAL");
        function.Aws.Requests.Select(r => r.Operation).Should().Equal("GetRestApi");
    }

    [Test]
    public async Task Without_vpc_endpoints_an_api_whose_policy_admits_a_vpc_becomes_private()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-0fedcba9876543210"}}}]}""";
        await using var function = Start("EDGE", policy);

        var outcome = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}","VpcEndpointIds":[]}"""));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        function.Aws.ApiGateway.Get(ApiId)!.EndpointType.Should().Be("PRIVATE");
        function.Aws.ApiGateway.Get(ApiId)!.Policy.Should().Be(policy);
        outcome.Json.GetProperty("resourcePolicy").GetString().Should().Be("kept");
    }

    [Test]
    public async Task An_api_that_does_not_exist_fails_clearly()
    {
        await using var function = Start(null);

        var outcome = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}","VpcEndpointIds":["{{Endpoint}}"]}"""));

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("RestApiNotFoundException");
        outcome.ErrorMessage.Should().Contain($"REST API '{ApiId}' was not found");
    }

    [Test]
    public async Task A_bad_payload_names_what_is_accepted()
    {
        await using var function = Start("REGIONAL");

        var outcome = await function.InvokeAsync(Payload("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpc-1"]}"""));

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("InvalidParameterValueException");
        outcome.ErrorMessage.Should().Contain("VpcEndpointIds has 'vpc-1'");
        function.Aws.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task The_fast_path_asks_config_to_evaluate_the_deployed_endpoint_rule_now()
    {
        await using var function = Start(null, null, "lambda-timeout-check-conformance-pack-abc123", PackRule);

        var outcome = await function.InvokeAsync(FastPathTests.CloudTrailEvent("UpdateRestApi"));
        var ignored = await function.InvokeAsync(FastPathTests.CloudTrailEvent("GetRestApi"));

        outcome.IsError.Should().BeFalse(outcome.ToString());
        outcome.Json.GetProperty("outcome").GetString().Should().Be("evaluation-started");
        outcome.Json.GetProperty("configRuleNames")[0].GetString().Should().Be(PackRule);
        ignored.Json.GetProperty("outcome").GetString().Should().Be("ignored");
        function.Aws.Config.StartedEvaluations.Should().ContainSingle().Which.Should().Equal(PackRule);
        function.Aws.Requests.Select(r => r.Operation).Should().Equal("DescribeConfigRules", "StartConfigRulesEvaluation");
        function.Aws.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200);
    }

    [Test]
    public async Task The_fast_path_without_the_endpoint_rule_deployed_fails_the_invocation_and_serves_the_next()
    {
        await using var function = Start("REGIONAL", null, "lambda-timeout-check-conformance-pack-abc123");

        var outcome = await function.InvokeAsync(FastPathTests.CloudTrailEvent("CreateRestApi"));
        var next = await function.InvokeAsync(Payload($$"""{"RestApiId":"{{ApiId}}","VpcEndpointIds":["{{Endpoint}}"]}"""));

        outcome.IsError.Should().BeTrue();
        outcome.ErrorType.Should().Be("EndpointRuleNotDeployedException");
        outcome.ErrorMessage.Should().Contain("ENDPOINT_RULE_NAME 'api-gateway-endpoint-type-check'").And.Contain("lambda-timeout-check-conformance-pack-abc123");
        function.Aws.Config.StartedEvaluations.Should().BeEmpty();
        next.IsError.Should().BeFalse(next.ToString());
    }

    [Test]
    public async Task Without_ENDPOINT_RULE_NAME_initialization_fails_naming_it()
    {
        await using var function = LoopbackFunction.Start(Handler);

        var init = await function.RuntimeApi.WaitForInitErrorAsync(LoopbackFunction.Wait);

        init.ErrorType.Should().Be("HandlerConfigurationException");
        init.ErrorMessage.Should().Contain("ENDPOINT_RULE_NAME is not set");
    }
}
