using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Handlers.EndpointRemediation;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.EndpointRemediation;

public class RemediationRequestParserTests
{
    private static RemediationRequest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RemediationRequestParser.Parse(document.RootElement);
    }

    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpce-0123456789abcdef0","vpce-0fedcba9876543210"]}""")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":"vpce-0123456789abcdef0, vpce-0fedcba9876543210"}""")]
    [TestCase("""{"RestApiId":" a1b2c3d4e5 ","VpcEndpointIds":["vpce-0123456789abcdef0,vpce-0fedcba9876543210", "vpce-0123456789abcdef0"]}""")]
    public void Reads_endpoint_ids_as_a_list_or_a_comma_separated_string(string json)
    {
        Parse(json).Should().BeEquivalentTo(new RemediationRequest("a1b2c3d4e5", ["vpce-0123456789abcdef0", "vpce-0fedcba9876543210"]));
    }

    [TestCase("""{"RestApiId":"a1b2c3d4e5"}""")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":null}""")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":""}""")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":[""]}""")]
    public void Endpoint_ids_are_optional(string json)
    {
        Parse(json).VpcEndpointIds.Should().BeEmpty();
    }

    [TestCase("""{}""", "RestApiId is missing")]
    [TestCase("""{"RestApiId":""}""", "RestApiId is '': expected the REST API's id")]
    [TestCase("""{"RestApiId":"../restapis"}""", "RestApiId is '../restapis'")]
    [TestCase("""{"RestApiId":42}""", "RestApiId is a JSON number (42)")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpc-123"]}""", "VpcEndpointIds has 'vpc-123': expected ids of the form vpce-")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":[7]}""", "VpcEndpointIds has a JSON number (7)")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":{}}""", "VpcEndpointIds is a JSON object")]
    [TestCase("""{"RestApiId":"a1b2c3d4e5","Stage":"prod"}""", "Unknown property 'Stage': the payload accepts RestApiId (required) and VpcEndpointIds (optional)")]
    public void Bad_payloads_fail_with_InvalidParameterValueException_naming_what_is_accepted(string json, string message)
    {
        var act = () => Parse(json);

        act.Should().Throw<InvalidParameterValueException>()
            .Where(e => e.ErrorType == "InvalidParameterValueException")
            .Which.Message.Should().Contain(message).And.Contain("api-gateway-endpoint-remediation");
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var act = () => Parse("""{"VpcEndpointIds":["bad"],"Extra":1}""");

        act.Should().Throw<InvalidParameterValueException>().Which.Problems.Should().HaveCount(3);
    }
}
