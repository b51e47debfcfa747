using ConfigRules.Aws.ApiGateway;
using ConfigRules.Aws.Sns;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class SnsAndApiGatewayClientTests : LoopbackClientTests
{

    [Test]
    public async Task Publish_sends_subject_structure_and_attributes_as_awsQuery_entries_and_returns_the_MessageId()
    {
        var topic = Loopback.Server.Sns.AddTopic();
        var client = SnsClient.Create(Loopback.Context);
        var attributes = new Dictionary<string, string> { ["complianceType"] = "NON_COMPLIANT", ["configRuleName"] = "lambda-timeout-check" };

        var id = await client.PublishAsync(topic, "NON_COMPLIANT: lambda-timeout-check on orders-fn", """{"default":"Timeout 900 s & more","email":"x"}""",
            "json", attributes, CancellationToken.None);

        var published = Loopback.Server.Sns.Published.Single();
        id.Should().Be(published.MessageId);
        published.Subject.Should().Be("NON_COMPLIANT: lambda-timeout-check on orders-fn");
        published.Message.Should().Be("""{"default":"Timeout 900 s & more","email":"x"}""");
        published.Attributes.Should().BeEquivalentTo(new Dictionary<string, (string, string)>
        {
            ["complianceType"] = ("String", "NON_COMPLIANT"), ["configRuleName"] = ("String", "lambda-timeout-check"),
        });
        var form = Loopback.Server.RequestsFor("sns", "Publish").Single().Request.Form;
        form["Version"].Should().Be("2010-03-31");
        form["MessageAttributes.entry.1.Name"].Should().Be("complianceType");
        form["MessageAttributes.entry.2.Value.StringValue"].Should().Be("lambda-timeout-check");
    }

    [Test]
    public async Task Publish_failure_then_success_is_retried_and_a_refused_subject_surfaces_the_SNS_code()
    {
        var topic = Loopback.Server.Sns.AddTopic();
        Loopback.Server.Faults.ServerError("sns", "Publish", 503);
        var client = SnsClient.Create(Loopback.Context);

        await client.PublishAsync(topic, "ok", "body", null, null, CancellationToken.None);
        Loopback.Server.RequestsFor("sns").Select(r => r.Status).Should().Equal(503, 200);

        var act = () => client.PublishAsync(topic, "line\nbreak", "body", null, null, CancellationToken.None);
        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorType.Should().Be("InvalidParameter");
    }

    [Test]
    public async Task GetRestApi_reads_endpoint_types_vpc_endpoints_policy_and_name()
    {
        Loopback.Server.ApiGateway.PutRestApi("a1b2c3", "PRIVATE", "orders-api", """{"Version":"2012-10-17"}""", "vpce-111");
        var client = ApiGatewayClient.Create(Loopback.Context);

        var api = await client.GetRestApiAsync("a1b2c3", CancellationToken.None);

        api.Should().BeEquivalentTo(new RestApiDescription("a1b2c3", "orders-api", ["PRIVATE"], ["vpce-111"], """{"Version":"2012-10-17"}"""));
        Loopback.Server.RequestsFor("apigateway", "GetRestApi").Single().Request.RawPath.Should().Be("/restapis/a1b2c3");
    }

    [Test]
    public async Task UpdateRestApi_sends_patchOperations_and_returns_the_updated_API()
    {
        Loopback.Server.ApiGateway.PutRestApi("a1b2c3", "REGIONAL");
        var client = ApiGatewayClient.Create(Loopback.Context);

        var api = await client.UpdateRestApiAsync("a1b2c3",
            [new PatchOperation("replace", "/endpointConfiguration/types/REGIONAL", "PRIVATE"), new PatchOperation("add", "/endpointConfiguration/vpcEndpointIds", "vpce-222")],
            CancellationToken.None);

        api.EndpointTypes.Should().Equal("PRIVATE");
        api.VpcEndpointIds.Should().Equal("vpce-222");
        var request = Loopback.Server.RequestsFor("apigateway", "UpdateRestApi").Single().Request;
        request.Method.Should().Be("PATCH");
        request.Header("Content-Type").Should().Be("application/json");
        request.BodyText.Should().Be("""{"patchOperations":[{"op":"replace","path":"/endpointConfiguration/types/REGIONAL","value":"PRIVATE"},{"op":"add","path":"/endpointConfiguration/vpcEndpointIds","value":"vpce-222"}]}""");
    }

    [Test]
    public async Task UpdateRestApi_refused_transition_surfaces_BadRequestException()
    {
        Loopback.Server.ApiGateway.PutRestApi("a1b2c3", "PRIVATE");
        var client = ApiGatewayClient.Create(Loopback.Context);

        var act = () => client.UpdateRestApiAsync("a1b2c3", [new PatchOperation("replace", "/endpointConfiguration/types/PRIVATE", "EDGE")], CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("BadRequestException");
        thrown.Message.Should().Contain("PRIVATE to EDGE");
        Loopback.Server.ApiGateway.Get("a1b2c3")!.EndpointType.Should().Be("PRIVATE");
    }

    [Test]
    public async Task A_missing_API_is_a_RestApiNotFoundException()
    {
        var client = ApiGatewayClient.Create(Loopback.Context);
        var act = () => client.GetRestApiAsync("nope", CancellationToken.None);
        var thrown = (await act.Should().ThrowAsync<RestApiNotFoundException>()).Which;
        thrown.RestApiId.Should().Be("nope");
        thrown.ErrorType.Should().Be("NotFoundException");
    }
}
