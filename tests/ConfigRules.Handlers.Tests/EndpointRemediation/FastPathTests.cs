using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;
using ConfigRules.Testing;

namespace ConfigRules.Handlers.Tests.EndpointRemediation;

public class FastPathTests
{
    /// <summary>An EventBridge event for a CloudTrail-recorded API Gateway call, in the documented shape.</summary>
    internal static byte[] CloudTrailEvent(string eventName, string? errorCode = null, string source = "aws.apigateway")
    {
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["eventTime"] = "2026-03-04T10:15:30Z",
            ["eventSource"] = "apigateway.amazonaws.com",
            ["eventName"] = eventName,
            ["awsRegion"] = "us-east-1",
            ["requestParameters"] = eventName is "CreateRestApi" or "ImportRestApi"
                ? new JsonObject { ["name"] = "orders-api" }
                : new JsonObject { ["restApiId"] = "a1b2c3d4e5" },
            ["responseElements"] = new JsonObject { ["id"] = "a1b2c3d4e5" },
        };
        if (errorCode is not null) detail["errorCode"] = errorCode;
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = "0b7f7d3c-6a51-4e15-b9f3-7a2f1c9d8e00",
            ["detail-type"] = "AWS API Call via CloudTrail",
            ["source"] = source,
            ["account"] = "123456789012",
            ["time"] = "2026-03-04T10:15:31Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray(),
            ["detail"] = detail,
        };
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    private const string EndpointRule = "api-gateway-endpoint-type-check";
    private const string PackRule = "api-gateway-endpoint-type-check-conformance-pack-abc123";

    private static async Task<(JsonElement Response, InMemoryConfigRules Config)> InvokeAsync(byte[] payload, params string[] deployedRules)
    {
        var config = new InMemoryConfigRules().With(deployedRules);
        var handler = new EndpointRemediationHandler(new InMemoryRestApis(), EndpointRuleFastPath.Create(EndpointRule, config, CatalogRuleMatcher.Default));
        var body = await handler.HandleJsonAsync(payload, CancellationToken.None);
        return (JsonDocument.Parse(body).RootElement, config);
    }

    [TestCase("CreateRestApi")]
    [TestCase("UpdateRestApi")]
    [TestCase("ImportRestApi")]
    [TestCase("PutRestApi")]
    public async Task Endpoint_changing_calls_start_an_evaluation_of_the_deployed_endpoint_rule(string eventName)
    {
        var (response, config) = await InvokeAsync(CloudTrailEvent(eventName),
            "lambda-timeout-check-conformance-pack-abc123", PackRule, "s3-bucket-versioning-enabled");

        config.Calls.Should().ContainSingle().Which.Should().Equal(PackRule);
        response.GetProperty("outcome").GetString().Should().Be("evaluation-started");
        response.GetProperty("eventName").GetString().Should().Be(eventName);
        response.GetProperty("restApiId").GetString().Should().Be("a1b2c3d4e5");
        response.GetProperty("endpointRule").GetString().Should().Be(EndpointRule);
        response.GetProperty("configRuleNames").EnumerateArray().Select(n => n.GetString()).Should().Equal(PackRule);
    }

    [Test]
    public async Task Every_deployment_of_the_rule_is_started_and_no_other_rule()
    {
        string[] deployments =
        [
            EndpointRule,
            PackRule,
            "OrgConfigRule-api-gateway-endpoint-type-check-conformance-pack-xyz-9f8e7d",
            "serverless-governance_api-gateway-endpoint-type-check",
        ];
        string[] others =
        [
            "api-gateway-endpoint-type", // a prefix of the id, not the id
            "my-api-gateway-endpoint-type-checker",
            "lambda-code-size-check-conformance-pack-abc123",
        ];

        var (_, config) = await InvokeAsync(CloudTrailEvent("UpdateRestApi"), [.. others, .. deployments]);

        config.Calls.Should().ContainSingle().Which.Should().Equal(deployments);
    }

    [TestCase("GetRestApi", null, "does not create or reconfigure")]
    [TestCase("CreateDeployment", null, "does not create or reconfigure")]
    [TestCase("UpdateRestApi", "BadRequestException", "failed (BadRequestException)")]
    public async Task Other_and_failed_calls_are_ignored_without_calling_config(string eventName, string? errorCode, string message)
    {
        var (response, config) = await InvokeAsync(CloudTrailEvent(eventName, errorCode), PackRule);

        config.Calls.Should().BeEmpty();
        config.DescribeCalls.Should().Be(0);
        response.GetProperty("outcome").GetString().Should().Be("ignored");
        response.GetProperty("message").GetString().Should().Contain(message);
    }

    [Test]
    public async Task More_than_25_deployments_are_started_in_batches_of_25()
    {
        var names = Enumerable.Range(1, 30).Select(i => $"{EndpointRule}-conformance-pack-{i:d2}").ToArray();

        var (_, config) = await InvokeAsync(CloudTrailEvent("UpdateRestApi"), names);

        config.Calls.Select(c => c.Count).Should().Equal(25, 5);
        config.Calls.SelectMany(c => c).Should().Equal(names);
    }

    [Test]
    public async Task Without_a_deployed_endpoint_rule_the_invocation_fails_naming_the_variable_and_what_was_found()
    {
        var act = () => InvokeAsync(CloudTrailEvent("UpdateRestApi"), "lambda-timeout-check-conformance-pack-abc123", "api-gateway-endpoint-type");

        var thrown = (await act.Should().ThrowAsync<EndpointRuleNotDeployedException>()).Which;
        thrown.ErrorType.Should().Be("EndpointRuleNotDeployedException");
        thrown.Message.Should().Contain("ENDPOINT_RULE_NAME 'api-gateway-endpoint-type-check'")
            .And.Contain("2 rule(s)").And.Contain("lambda-timeout-check-conformance-pack-abc123, api-gateway-endpoint-type")
            .And.Contain("Nothing was re-evaluated");
        thrown.DeployedRules.Should().HaveCount(2);
    }

    [Test]
    public async Task An_account_without_any_rule_is_reported_as_such()
    {
        var act = () => InvokeAsync(CloudTrailEvent("CreateRestApi"));

        (await act.Should().ThrowAsync<EndpointRuleNotDeployedException>()).WithMessage("*DescribeConfigRules listed no rules at all*");
    }

    [TestCase(null, "ENDPOINT_RULE_NAME is not set")]
    [TestCase("  ", "ENDPOINT_RULE_NAME is empty")]
    [TestCase("api-gateway-endpoint-type-check-conformance-pack-abc123", "ENDPOINT_RULE_NAME is 'api-gateway-endpoint-type-check-conformance-pack-abc123', which is not a rule id")]
    public void A_missing_or_unknown_ENDPOINT_RULE_NAME_is_a_configuration_error_at_init(string? value, string message)
    {
        var environment = TestEnvironment.With(EndpointRuleFastPath.RuleIdVariable, value);

        var act = () => EndpointRemediationHandler.FromEnvironment(environment, new InMemoryRestApis(), new InMemoryConfigRules());

        act.Should().Throw<HandlerConfigurationException>()
            .Where(e => e.ErrorType == "HandlerConfigurationException").WithMessage($"{message}*");
    }

    [Test]
    public async Task Events_from_elsewhere_are_invalid()
    {
        var act = () => InvokeAsync(CloudTrailEvent("UpdateRestApi", source: "aws.lambda"), PackRule);

        await act.Should().ThrowAsync<InvalidEventException>().WithMessage("*source is 'aws.lambda': expected 'aws.apigateway'*");
    }

    [TestCase("""{"detail-type":"Config Rules Compliance Change","source":"aws.config","detail":{}}""", "detail-type is 'Config Rules Compliance Change'")]
    [TestCase("[1,2]", "not a JSON object")]
    [TestCase("{", "not valid JSON")]
    public async Task Payloads_that_are_neither_input_fail_with_InvalidEventException(string payload, string message)
    {
        var act = () => InvokeAsync(Encoding.UTF8.GetBytes(payload), PackRule);

        await act.Should().ThrowAsync<InvalidEventException>().WithMessage($"*{message}*");
    }
}
