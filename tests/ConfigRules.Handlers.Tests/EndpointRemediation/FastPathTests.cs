using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

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

    private static async Task<(JsonElement Response, RecordingEvaluationStarter Config)> InvokeAsync(byte[] payload, string? ruleNames)
    {
        var config = new RecordingEvaluationStarter();
        var handler = new EndpointRemediationHandler(new InMemoryRestApis(), config, ruleNames);
        var body = await handler.HandleJsonAsync(payload, CancellationToken.None);
        return (JsonDocument.Parse(body).RootElement, config);
    }

    [TestCase("CreateRestApi")]
    [TestCase("UpdateRestApi")]
    [TestCase("ImportRestApi")]
    [TestCase("PutRestApi")]
    public async Task Endpoint_changing_calls_start_an_evaluation_of_the_configured_rules(string eventName)
    {
        var (response, config) = await InvokeAsync(CloudTrailEvent(eventName), " api-gateway-endpoint-type-check-conformance-pack-k2v8 , api-gateway-endpoint-type-check ");

        config.Calls.Should().ContainSingle().Which.Should().Equal("api-gateway-endpoint-type-check-conformance-pack-k2v8", "api-gateway-endpoint-type-check");
        response.GetProperty("outcome").GetString().Should().Be("evaluation-started");
        response.GetProperty("eventName").GetString().Should().Be(eventName);
        response.GetProperty("restApiId").GetString().Should().Be("a1b2c3d4e5");
    }

    [TestCase("GetRestApi", null, "does not create or reconfigure")]
    [TestCase("CreateDeployment", null, "does not create or reconfigure")]
    [TestCase("UpdateRestApi", "BadRequestException", "failed (BadRequestException)")]
    public async Task Other_and_failed_calls_are_ignored(string eventName, string? errorCode, string message)
    {
        var (response, config) = await InvokeAsync(CloudTrailEvent(eventName, errorCode), "api-gateway-endpoint-type-check");

        config.Calls.Should().BeEmpty();
        response.GetProperty("outcome").GetString().Should().Be("ignored");
        response.GetProperty("message").GetString().Should().Contain(message);
    }

    [Test]
    public async Task More_than_25_rules_are_started_in_batches_of_25()
    {
        var names = string.Join(",", Enumerable.Range(1, 30).Select(i => $"endpoint-rule-{i}"));

        var (_, config) = await InvokeAsync(CloudTrailEvent("UpdateRestApi"), names);

        config.Calls.Select(c => c.Count).Should().Equal(25, 5);
    }

    [TestCase(null, "CONFIG_RULE_NAMES is not set")]
    [TestCase(" , ", "CONFIG_RULE_NAMES is empty")]
    public async Task Without_CONFIG_RULE_NAMES_the_fast_path_fails_with_a_configuration_error(string? names, string message)
    {
        var act = () => InvokeAsync(CloudTrailEvent("UpdateRestApi"), names);

        (await act.Should().ThrowAsync<HandlerConfigurationException>())
            .Where(e => e.ErrorType == "HandlerConfigurationException").WithMessage($"{message}*");
    }

    [Test]
    public async Task Events_from_elsewhere_are_invalid()
    {
        var act = () => InvokeAsync(CloudTrailEvent("UpdateRestApi", source: "aws.lambda"), "r");

        await act.Should().ThrowAsync<InvalidEventException>().WithMessage("*source is 'aws.lambda': expected 'aws.apigateway'*");
    }

    [TestCase("""{"detail-type":"Config Rules Compliance Change","source":"aws.config","detail":{}}""", "detail-type is 'Config Rules Compliance Change'")]
    [TestCase("[1,2]", "not a JSON object")]
    [TestCase("{", "not valid JSON")]
    public async Task Payloads_that_are_neither_input_fail_with_InvalidEventException(string payload, string message)
    {
        var act = () => InvokeAsync(Encoding.UTF8.GetBytes(payload), "r");

        await act.Should().ThrowAsync<InvalidEventException>().WithMessage($"*{message}*");
    }
}
