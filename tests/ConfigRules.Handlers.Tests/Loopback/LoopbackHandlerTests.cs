using System.Text;
using System.Text.Json;
using ConfigRules.Aws.Transport;
using ConfigRules.Handlers.EndpointRemediation;
using ConfigRules.Handlers.Tests.EndpointRemediation;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.Loopback;

/// <summary>The handlers over the real wire clients, in process: the shapes SNS, API Gateway and Config accept.</summary>
public class LoopbackHandlerTests
{
    [Test]
    public async Task A_violation_is_published_as_sns_accepts_it()
    {
        await using var account = LoopbackAccount.Start();

        var result = await account.Notifier().HandleAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);

        var published = account.Server.Sns.Published.Should().ContainSingle().Subject;
        result.MessageId.Should().Be(published.MessageId);
        published.Subject.Should().Be("NON_COMPLIANT: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
        published.MessageStructure.Should().Be("json");
        published.Attributes.Should().HaveCount(8).And.OnlyContain(a => a.Value.DataType == "String");
        published.Attributes["severity"].Value.Should().Be("medium");
        published.Attributes["notice"].Value.Should().Be("NON_COMPLIANT");
    }

    [Test]
    public async Task A_publish_that_fails_once_is_retried_and_one_that_keeps_failing_fails_the_invocation()
    {
        await using var account = LoopbackAccount.Start();
        account.Server.Faults.ServerError("sns", "Publish", 500, times: 1);

        await account.Notifier().HandleAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);
        account.Server.Sns.Published.Should().HaveCount(1);
        account.Server.RequestsFor("sns", "Publish").Should().HaveCount(2);

        account.Server.Faults.ServerError("sns", "Publish", 503, times: 10);
        var act = () => account.Notifier().HandleAsync(new ComplianceChangeEvents().ToBytes(), CancellationToken.None);
        await act.Should().ThrowAsync<AwsServiceException>();
        account.Server.Sns.Published.Should().HaveCount(1);
    }

    [Test]
    public async Task A_huge_annotation_is_accepted_by_sns_once_cut()
    {
        await using var account = LoopbackAccount.Start();

        await account.Notifier().HandleAsync(new ComplianceChangeEvents { Annotation = new string('\u00e9', 300_000) }.ToBytes(), CancellationToken.None);

        var published = account.Server.Sns.Published.Should().ContainSingle().Subject;
        Encoding.UTF8.GetByteCount(published.Message).Should().BeLessThan(262_144);
    }

    [TestCase("REGIONAL")]
    [TestCase("EDGE")]
    public async Task Remediation_makes_the_api_private_through_api_gateway(string type)
    {
        await using var account = LoopbackAccount.Start();
        account.Server.ApiGateway.PutRestApi("a1b2c3d4e5", type, "orders-api");

        var body = await account.Remediation().HandleJsonAsync(
            Encoding.UTF8.GetBytes("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpce-0123456789abcdef0"]}"""), CancellationToken.None);

        var api = account.Server.ApiGateway.Get("a1b2c3d4e5")!;
        api.EndpointType.Should().Be("PRIVATE");
        api.VpcEndpointIds.Should().Equal("vpce-0123456789abcdef0");
        api.Policy.Should().Contain("aws:SourceVpce");
        using var response = JsonDocument.Parse(body);
        response.RootElement.GetProperty("endpointTypes").EnumerateArray().Single().GetString().Should().Be("PRIVATE");
    }

    [Test]
    public async Task Remediation_of_a_missing_api_fails_with_RestApiNotFoundException()
    {
        await using var account = LoopbackAccount.Start();

        var act = () => account.Remediation().HandleJsonAsync(Encoding.UTF8.GetBytes("""{"RestApiId":"zzzzzzzzzz"}"""), CancellationToken.None);

        (await act.Should().ThrowAsync<RestApiNotFoundException>()).Which.ErrorType.Should().Be("RestApiNotFoundException");
    }

    [Test]
    public async Task The_fast_path_finds_the_pack_named_rules_on_every_page_and_starts_them_in_batches_of_25()
    {
        await using var account = LoopbackAccount.Start();
        var config = account.Server.Config;
        config.AddConfigRule("lambda-timeout-check-conformance-pack-abc123");
        var deployed = Enumerable.Range(1, 27).Select(i => $"api-gateway-endpoint-type-check-conformance-pack-{i:d3}").ToList();
        foreach (var name in deployed) config.AddConfigRule(name);
        config.AddConfigRule("api-gateway-endpoint-type-check-conformance-pack-old", "DELETING");
        config.AddConfigRule("custom-api-gateway-endpoint-type");

        var body = await account.Remediation().HandleJsonAsync(FastPathTests.CloudTrailEvent("UpdateRestApi"), CancellationToken.None);

        account.Server.RequestsFor("config", "DescribeConfigRules").Should().HaveCount(2, "30 rules at 25 a page");
        config.StartedEvaluations.Select(b => b.Count).Should().Equal(25, 2);
        config.StartedEvaluations.SelectMany(b => b).Should().Equal(deployed);
        account.Server.Requests.Should().OnlyContain(r => r.SignatureValid && r.Status == 200);
        using var response = JsonDocument.Parse(body);
        response.RootElement.GetProperty("outcome").GetString().Should().Be("evaluation-started");
        response.RootElement.GetProperty("configRuleNames").GetArrayLength().Should().Be(27);
    }

    [Test]
    public async Task The_fast_path_without_the_endpoint_rule_deployed_fails_and_starts_nothing()
    {
        await using var account = LoopbackAccount.Start();
        account.Server.Config.AddConfigRule("lambda-timeout-check-conformance-pack-abc123");

        var act = () => account.Remediation().HandleJsonAsync(FastPathTests.CloudTrailEvent("CreateRestApi"), CancellationToken.None);

        (await act.Should().ThrowAsync<EndpointRuleNotDeployedException>()).Which.Message.Should()
            .Contain("ENDPOINT_RULE_NAME 'api-gateway-endpoint-type-check'").And.Contain("lambda-timeout-check-conformance-pack-abc123");
        account.Server.RequestsFor("config", "StartConfigRulesEvaluation").Should().BeEmpty();
    }
}
