using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Credentials;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Iam;
using ConfigRules.Aws.Tests.Clients;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Model;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using ConfigRules.Framework.Settings;
using Evaluation = ConfigRules.Framework.Evaluation.Evaluation;

namespace ConfigRules.Aws.Tests.Loopback;

/// <summary>The loopback endpoint itself: it must refuse what real AWS refuses, or integration tests prove nothing.</summary>
public sealed class LoopbackEndpointTests() : LoopbackClientTests(new RetryOptions { MaxAttempts = 3, PerCallTimeout = TimeSpan.FromMilliseconds(500) })
{
    /// <summary>Only against a hung test: the events waited for are due at once.</summary>
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    private AwsClientContext ContextWith(AwsCredentials credentials) => AwsClientContext.FromEnvironment(
        new DictionaryEnvironmentVariables(Loopback.Server.EnvironmentVariables), new StaticCredentialsProvider(credentials),
        delays: new RecordingDelays());

    [Test]
    public async Task A_wrong_secret_is_refused_with_InvalidSignatureException_and_the_message_leaks_nothing()
    {
        var wrong = new AwsCredentials(LoopbackAwsServer.AccessKeyId, "not-the-secret", LoopbackAwsServer.SessionToken);
        var client = ConfigServiceClient.Create(ContextWith(wrong));

        var act = () => client.StartConfigRulesEvaluationAsync(["r"], CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("InvalidSignatureException");
        thrown.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        thrown.Message.Should().NotContain(LoopbackAwsServer.SessionToken).And.NotContain("not-the-secret");
        Loopback.Server.Requests.Should().ContainSingle().Which.SignatureValid.Should().BeFalse();
        Loopback.Server.Config.StartedEvaluations.Should().BeEmpty();
    }

    [Test]
    public async Task A_missing_session_token_is_refused_and_awsQuery_spells_it_InvalidClientTokenId()
    {
        var noToken = new AwsCredentials(LoopbackAwsServer.AccessKeyId, LoopbackAwsServer.SecretAccessKey);
        var act = () => IamClient.Create(ContextWith(noToken)).GetRoleAsync("r", CancellationToken.None);
        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorType.Should().Be("InvalidClientTokenId");
    }

    [Test]
    public async Task A_bad_signature_on_an_awsQuery_service_is_SignatureDoesNotMatch()
    {
        var wrong = new AwsCredentials(LoopbackAwsServer.AccessKeyId, "nope", LoopbackAwsServer.SessionToken);
        var act = () => IamClient.Create(ContextWith(wrong)).GetRoleAsync("r", CancellationToken.None);
        (await act.Should().ThrowAsync<AwsServiceException>()).Which.ErrorType.Should().Be("SignatureDoesNotMatch");
    }

    [Test]
    public async Task Unsigned_requests_are_refused()
    {
        using var http = new HttpClient();
        using var content = new StringContent("{}", Encoding.UTF8);
        var response = await http.PostAsync(Loopback.Server.BaseUrl, content);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("IncompleteSignatureException");
    }

    [Test]
    public async Task Member_casing_timestamp_type_and_batch_limit_are_checked_like_the_service_model()
    {
        var body = await Raw("PutEvaluations", """{"resultToken":"t","Evaluations":[]}""");
        body.Should().Contain("SerializationException").And.Contain("resultToken");

        body = await Raw("PutEvaluations", """{"ResultToken":"t","Evaluations":[{"ComplianceResourceType":"T","ComplianceResourceId":"i","ComplianceType":"COMPLIANT","OrderingTimestamp":"2024-01-01T00:00:00Z"}]}""");
        body.Should().Contain("SerializationException").And.Contain("epoch seconds");

        var many = string.Join(",", Enumerable.Range(0, 101).Select(i =>
            $$"""{"ComplianceResourceType":"T","ComplianceResourceId":"i{{i}}","ComplianceType":"COMPLIANT","OrderingTimestamp":1}"""));
        body = await Raw("PutEvaluations", $$"""{"ResultToken":"t","Evaluations":[{{many}}]}""");
        body.Should().Contain("ValidationException").And.Contain("101");
        Loopback.Server.Config.AcceptedEvaluations.Should().BeEmpty();
    }

    [Test]
    public async Task DescribeConfigRules_checks_members_names_filters_and_tokens_like_the_service_model()
    {
        Loopback.Server.Config.AddConfigRule("api-gateway-endpoint-type-check-conformance-pack-abc123");

        (await Raw("DescribeConfigRules", """{"nextToken":"x"}""")).Should().Contain("SerializationException").And.Contain("nextToken");
        (await Raw("DescribeConfigRules", """{"ConfigRuleNames":["missing-rule"]}""")).Should().Contain("NoSuchConfigRuleException").And.Contain("missing-rule");
        var tooMany = string.Join(",", Enumerable.Range(0, 26).Select(i => $"\"r{i}\""));
        (await Raw("DescribeConfigRules", $$"""{"ConfigRuleNames":[{{tooMany}}]}""")).Should().Contain("ValidationException").And.Contain("26");
        (await Raw("DescribeConfigRules", """{"Filters":{"EvaluationMode":"LIVE"}}""")).Should().Contain("ValidationException").And.Contain("DETECTIVE");
        (await Raw("DescribeConfigRules", """{"NextToken":"forged"}""")).Should().Contain("InvalidNextTokenException");

        var answer = JsonNode.Parse(await Raw("DescribeConfigRules", """{"ConfigRuleNames":["api-gateway-endpoint-type-check-conformance-pack-abc123"],"Filters":{"EvaluationMode":"DETECTIVE"}}"""))!;
        var rule = answer["ConfigRules"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        rule.Select(m => m.Key).Should().Contain(["ConfigRuleName", "ConfigRuleArn", "ConfigRuleId", "Source", "ConfigRuleState"]);
        rule["Source"]!["Owner"]!.GetValue<string>().Should().Be("CUSTOM_LAMBDA");
        rule["ConfigRuleState"]!.GetValue<string>().Should().Be("ACTIVE");
    }

    [Test]
    public async Task A_reset_connection_and_a_server_error_are_each_retried_then_accepted()
    {
        var faults = Loopback.Server.Faults;
        faults.ResetConnection("config", "PutEvaluations");
        faults.ServerError("config", "PutEvaluations", 500);
        var client = ConfigServiceClient.Create(Loopback.Context);
        var evaluation = new Evaluation("AWS::Lambda::Function", "fn", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch);

        await client.PutEvaluationsAsync([evaluation], "t", CancellationToken.None);
        Loopback.Server.RequestsFor("config", "PutEvaluations").Select(r => r.Status).Should().Equal(0, 500, 200);

        Loopback.Delays.Retries.Should().Equal(1, 2);
    }

    [Test]
    public async Task A_hung_call_is_cut_by_the_per_call_timeout_and_retried_then_accepted()
    {
        var time = new FakeTimeProvider();
        var perCallTimeout = TimeSpan.FromSeconds(5);
        await using var loopback = LoopbackClients.Start(options: new RetryOptions { MaxAttempts = 3, PerCallTimeout = perCallTimeout }, time: time);
        loopback.Server.Faults.HoldAnswer("config", "StartConfigRulesEvaluation");

        var starting = ConfigServiceClient.Create(loopback.Context).StartConfigRulesEvaluationAsync(["r"], CancellationToken.None);
        await loopback.Server.HeldAnswers.WaitForHeldAsync(SafetyNet);
        time.Advance(perCallTimeout);
        await starting.WaitAsync(SafetyNet);

        loopback.Server.Config.StartedEvaluations.Should().ContainSingle("the held answer is still outstanding");
        loopback.Delays.Retries.Should().Equal(1);
        await loopback.Server.HeldAnswers.ReleaseAsync(SafetyNet);
        loopback.Server.Config.StartedEvaluations.Should().HaveCount(2, "a late answer is still processed, as AWS would");
    }

    [Test]
    public void The_environment_points_a_process_at_the_server()
    {
        var variables = Loopback.Server.EnvironmentVariables;
        variables["AWS_ENDPOINT_URL"].Should().Be(Loopback.Server.BaseUrl.ToString().TrimEnd('/'));
        variables.Should().ContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION");
        var startInfo = new System.Diagnostics.ProcessStartInfo("true");
        Loopback.Server.ApplyTo(startInfo);
        startInfo.Environment["AWS_REGION"].Should().Be("us-east-1");
    }

    /// <summary>Sends a correctly signed awsJson body, bypassing the client's shapes, and returns the answer's body.</summary>
    private async Task<string> Raw(string operation, string json)
    {
        var transport = Loopback.Context.Transport;
        var request = new AwsRequest(AwsService.Config, Loopback.Context.EndpointFor(AwsService.Config), operation, HttpMethod.Post, "/",
            [new("X-Amz-Target", "StarlingDoveService." + operation)], Encoding.UTF8.GetBytes(json), "application/x-amz-json-1.1",
            ConfigRules.Aws.Protocols.AwsJsonErrorParser.Instance);
        try
        {
            return Encoding.UTF8.GetString((await transport.SendAsync(request, CancellationToken.None)).Body);
        }
        catch (AwsServiceException ex)
        {
            return ex.ErrorCode + ": " + ex.AwsMessage;
        }
    }
}
