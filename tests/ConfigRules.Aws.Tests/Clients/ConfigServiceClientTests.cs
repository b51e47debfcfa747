using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Transport;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;
using Evaluation = ConfigRules.Framework.Evaluation.Evaluation;

namespace ConfigRules.Aws.Tests.Clients;

public sealed class ConfigServiceClientTests : LoopbackClientTests
{
    private const string LambdaType = "AWS::Lambda::Function";
    private ConfigServiceClient _client = null!;

    [SetUp]
    public void CreateClient() => _client = ConfigServiceClient.Create(Loopback.Context);

    private FakeConfigService Config => Loopback.Server.Config;

    [Test]
    public async Task GetLatestConfigurationItem_sends_camelCase_members_with_limit_1_and_maps_the_API_shape()
    {
        Config.Put(new FakeResource
        {
            ResourceType = LambdaType, ResourceId = "orders-fn", ResourceName = "orders-fn", Arn = "arn:aws:lambda:us-east-1:123456789012:function:orders-fn",
            Configuration = new JsonObject { ["runtime"] = "python3.8", ["memorySize"] = 128.0 },
            SupplementaryConfiguration = { ["Concurrency"] = new JsonObject { ["reservedConcurrentExecutions"] = 5 } },
            CaptureTime = DateTimeOffset.Parse("2024-05-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture),
        });

        var item = await _client.GetLatestConfigurationItemAsync(LambdaType, "orders-fn", CancellationToken.None);

        item.Should().NotBeNull();
        item!.Arn.Should().Be("arn:aws:lambda:us-east-1:123456789012:function:orders-fn");
        item.AwsAccountId.Should().Be("123456789012");
        item.CaptureTime.Should().Be(DateTimeOffset.Parse("2024-05-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture));
        item.Configuration.GetProperty("runtime").GetString().Should().Be("python3.8");
        item.SupplementaryConfiguration["Concurrency"].GetProperty("reservedConcurrentExecutions").GetInt32().Should().Be(5);
        var request = Loopback.Server.RequestsFor("config", "GetResourceConfigHistory").Single();
        request.Request.Header("X-Amz-Target").Should().Be("StarlingDoveService.GetResourceConfigHistory");
        request.Request.Header("Content-Type").Should().Be("application/x-amz-json-1.1");
        JsonNode.Parse(request.BodyText)!.ToJsonString().Should().Be("""{"resourceType":"AWS::Lambda::Function","resourceId":"orders-fn","limit":1}""");
    }

    [Test]
    public async Task GetLatestConfigurationItem_is_null_for_a_resource_Config_never_discovered()
    {
        var item = await _client.GetLatestConfigurationItemAsync(LambdaType, "missing", CancellationToken.None);
        item.Should().BeNull();
    }

    [Test]
    public async Task ListDiscoveredResources_follows_nextToken_through_every_page()
    {
        Config.PageSize = 7;
        for (var i = 0; i < 23; i++) Config.Put(LambdaType, $"fn-{i:D3}", new JsonObject());
        Config.Delete(LambdaType, "fn-005");

        var keys = new List<ResourceKey>();
        await foreach (var key in _client.ListDiscoveredResourcesAsync(LambdaType, CancellationToken.None)) keys.Add(key);

        keys.Should().HaveCount(22).And.OnlyHaveUniqueItems().And.NotContain(new ResourceKey(LambdaType, "fn-005"));
        var calls = Loopback.Server.RequestsFor("config", "ListDiscoveredResources");
        calls.Should().HaveCount(4);
        JsonNode.Parse(calls[0].BodyText)!["nextToken"].Should().BeNull();
        calls.Skip(1).Should().OnlyContain(c => JsonNode.Parse(c.BodyText)!["nextToken"] != null);
    }

    [Test]
    public async Task BatchGetResourceConfig_retries_unprocessed_keys_with_backoff_and_skips_deleted_resources()
    {
        for (var i = 0; i < 10; i++) Config.Put(LambdaType, $"fn-{i}", new JsonObject { ["timeout"] = i });
        Config.Delete(LambdaType, "fn-9");
        Config.LeaveNextKeysUnprocessed(4);

        var items = await _client.BatchGetResourceConfigAsync(
            Enumerable.Range(0, 10).Select(i => new ResourceKey(LambdaType, $"fn-{i}")).ToList(), CancellationToken.None);

        items.Select(i => i.ResourceId).Should().BeEquivalentTo(Enumerable.Range(0, 9).Select(i => $"fn-{i}"));
        var calls = Loopback.Server.RequestsFor("config", "BatchGetResourceConfig");
        calls.Should().HaveCount(2);
        JsonNode.Parse(calls[1].BodyText)!["resourceKeys"]!.AsArray().Should().HaveCount(4);
        Loopback.Delays.Retries.Should().Equal(1);
    }

    [Test]
    public async Task BatchGetResourceConfig_throws_naming_the_count_when_keys_stay_unprocessed()
    {
        Config.Put(LambdaType, "fn-1", new JsonObject());
        Config.LeaveNextKeysUnprocessed(100);

        var act = () => _client.BatchGetResourceConfigAsync([new ResourceKey(LambdaType, "fn-1")], CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<IncompleteBatchException>();
        thrown.Which.ErrorType.Should().Be("UnprocessedResourceKeys");
        thrown.Which.Message.Should().Contain("1 of 1").And.Contain("AWS::Lambda::Function/fn-1");
    }

    [Test]
    public async Task BatchGetResourceConfig_refuses_more_than_100_keys_before_calling()
    {
        var keys = Enumerable.Range(0, 101).Select(i => new ResourceKey(LambdaType, $"fn-{i}")).ToList();
        var act = () => _client.BatchGetResourceConfigAsync(keys, CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 100*101*");
        Loopback.Server.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task ListEvaluatedResources_asks_for_COMPLIANT_and_NON_COMPLIANT_with_limit_100_across_pages()
    {
        Config.PageSize = 2;
        Config.SeedResult("lambda-timeout-check", LambdaType, "a", "COMPLIANT");
        Config.SeedResult("lambda-timeout-check", LambdaType, "b", "NON_COMPLIANT");
        Config.SeedResult("lambda-timeout-check", LambdaType, "c", "NOT_APPLICABLE");
        Config.SeedResult("lambda-timeout-check", LambdaType, "d", "COMPLIANT");

        var keys = new List<ResourceKey>();
        await foreach (var key in _client.ListEvaluatedResourcesAsync("lambda-timeout-check", CancellationToken.None)) keys.Add(key);

        keys.Select(k => k.ResourceId).Should().Equal("a", "b", "d");
        var first = JsonNode.Parse(Loopback.Server.RequestsFor("config", "GetComplianceDetailsByConfigRule")[0].BodyText)!;
        first.ToJsonString().Should().Be("""{"ConfigRuleName":"lambda-timeout-check","ComplianceTypes":["COMPLIANT","NON_COMPLIANT"],"Limit":100}""");
    }

    [Test]
    public async Task PutEvaluations_sends_PascalCase_members_and_epoch_second_numbers()
    {
        var at = DateTimeOffset.Parse("2024-05-01T10:00:00.250Z", System.Globalization.CultureInfo.InvariantCulture);
        await _client.PutEvaluationsAsync(
            [new Evaluation(LambdaType, "orders-fn", ComplianceType.NonCompliant, "Timeout 900 s exceeds the maximum of 300 s.", at),
             new Evaluation(LambdaType, "other-fn", ComplianceType.Compliant, null, at)],
            "token-1", CancellationToken.None);

        var body = JsonDocument.Parse(Loopback.Server.RequestsFor("config", "PutEvaluations").Single().BodyText).RootElement;
        body.GetProperty("ResultToken").GetString().Should().Be("token-1");
        var first = body.GetProperty("Evaluations")[0];
        first.GetProperty("ComplianceResourceType").GetString().Should().Be(LambdaType);
        first.GetProperty("ComplianceType").GetString().Should().Be("NON_COMPLIANT");
        first.GetProperty("OrderingTimestamp").ValueKind.Should().Be(JsonValueKind.Number);
        first.GetProperty("OrderingTimestamp").GetDecimal().Should().Be(at.ToUnixTimeMilliseconds() / 1000m);
        body.GetProperty("Evaluations")[1].TryGetProperty("Annotation", out _).Should().BeFalse();
        Config.AcceptedEvaluations.Should().HaveCount(2);
        Config.AcceptedEvaluations[0].OrderingTimestamp.Should().Be(at);
    }

    [Test]
    public async Task PutEvaluations_retries_FailedEvaluations_until_Config_accepts_them()
    {
        Config.RegisterResultToken("token-2", "lambda-memory-size-check");
        Config.RefuseNextEvaluations(3);
        var evaluations = Enumerable.Range(0, 5)
            .Select(i => new Evaluation(LambdaType, $"fn-{i}", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch.AddDays(1))).ToList();

        await _client.PutEvaluationsAsync(evaluations, "token-2", CancellationToken.None);

        Config.AcceptedEvaluations.Select(e => e.ResourceId).Should().BeEquivalentTo(evaluations.Select(e => e.ComplianceResourceId));
        Config.ResultsFor("lambda-memory-size-check").Should().HaveCount(5);
        var calls = Loopback.Server.RequestsFor("config", "PutEvaluations");
        calls.Should().HaveCount(2);
        JsonNode.Parse(calls[1].BodyText)!["Evaluations"]!.AsArray().Select(e => e!["ComplianceResourceId"]!.GetValue<string>())
            .Should().Equal("fn-0", "fn-1", "fn-2");
    }

    [Test]
    public async Task PutEvaluations_throws_naming_how_many_were_refused_when_Config_keeps_refusing()
    {
        Config.RefuseNextEvaluations(1000);
        var evaluations = Enumerable.Range(0, 3)
            .Select(i => new Evaluation(LambdaType, $"fn-{i}", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch)).ToList();

        var act = () => _client.PutEvaluationsAsync(evaluations, "token-3", CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<IncompleteBatchException>();
        thrown.Which.ErrorType.Should().Be("FailedEvaluations");
        thrown.Which.Remaining.Should().Be(3);
        thrown.Which.Message.Should().Contain("refused 3 of 3");
        Loopback.Server.RequestsFor("config", "PutEvaluations").Should().HaveCount(4);
    }

    [Test]
    public async Task PutEvaluations_gives_up_at_the_deadline_with_the_refusal_not_a_bare_cancellation()
    {
        Config.RefuseNextEvaluations(1000);
        using var deadline = new CancellationTokenSource();
        var client = new ConfigServiceClient(
            new AwsTransport(new ConfigRules.Aws.Credentials.StaticCredentialsProvider(new(LoopbackAwsServer.AccessKeyId, LoopbackAwsServer.SecretAccessKey, LoopbackAwsServer.SessionToken)),
                delays: new CancellingDelays(deadline)),
            Loopback.Context.EndpointFor(ConfigRules.Aws.Endpoints.AwsService.Config));

        var act = () => client.PutEvaluationsAsync([new Evaluation(LambdaType, "fn", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch)], "t", deadline.Token);

        (await act.Should().ThrowAsync<IncompleteBatchException>()).Which.Remaining.Should().Be(1);
    }

    [Test]
    public async Task Throttled_calls_are_retried_then_accepted()
    {
        Loopback.Server.Faults.Throttle("config", "PutEvaluations", times: 2);

        await _client.PutEvaluationsAsync([new Evaluation(LambdaType, "fn", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch)], "t", CancellationToken.None);

        Loopback.Server.RequestsFor("config", "PutEvaluations").Select(r => r.Status).Should().Equal(400, 400, 200);
        Loopback.Delays.Retries.Should().Equal(1, 2);
        Config.AcceptedEvaluations.Should().ContainSingle();
    }

    [Test]
    public async Task A_non_retryable_error_surfaces_with_its_AWS_code_and_no_secrets()
    {
        Loopback.Server.Faults.Error("config", "PutEvaluations", 400, "InvalidResultTokenException", "The result token is invalid.");

        var act = () => _client.PutEvaluationsAsync([new Evaluation(LambdaType, "fn", ComplianceType.Compliant, null, DateTimeOffset.UnixEpoch)], "t", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        thrown.ErrorType.Should().Be("InvalidResultTokenException");
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        thrown.Message.Should().Contain("Config").And.Contain("PutEvaluations").And.Contain("400").And.Contain("The result token is invalid.");
        thrown.Message.Should().NotContain(LoopbackAwsServer.SecretAccessKey).And.NotContain(LoopbackAwsServer.SessionToken);
        Loopback.Server.RequestsFor("config", "PutEvaluations").Should().ContainSingle();
    }

    [Test]
    public async Task StartConfigRulesEvaluation_sends_the_rule_names()
    {
        await _client.StartConfigRulesEvaluationAsync(["api-gateway-endpoint-type-check"], CancellationToken.None);
        Config.StartedEvaluations.Should().ContainSingle().Which.Should().Equal("api-gateway-endpoint-type-check");
    }

    [Test]
    public async Task DescribeConfigRuleNames_reads_every_page_and_leaves_out_rules_being_deleted()
    {
        Config.RulePageSize = 2;
        Config.AddConfigRule("api-gateway-endpoint-type-check-conformance-pack-abc123");
        Config.AddConfigRule("lambda-timeout-check", "EVALUATING");
        Config.AddConfigRule("old-endpoint-rule", "DELETING");
        Config.AddConfigRule("purged-endpoint-rule", "DELETING_RESULTS");
        Config.AddConfigRule("s3-bucket-versioning-enabled");

        var names = await _client.DescribeConfigRuleNamesAsync(CancellationToken.None);

        names.Should().Equal("api-gateway-endpoint-type-check-conformance-pack-abc123", "lambda-timeout-check", "s3-bucket-versioning-enabled");
        var requests = Loopback.Server.RequestsFor("config", "DescribeConfigRules");
        requests.Should().HaveCount(3).And.OnlyContain(r => r.SignatureValid && r.Status == 200);
        requests[0].Request.Header("X-Amz-Target").Should().Be("StarlingDoveService.DescribeConfigRules");
        requests[0].Request.Header("Content-Type").Should().Be("application/x-amz-json-1.1");
        requests[0].BodyText.Should().Be("{}");
        JsonNode.Parse(requests[1].BodyText)!.AsObject().Select(m => m.Key).Should().Equal("NextToken");
    }

    [Test]
    public async Task DescribeConfigRuleNames_of_an_account_without_rules_is_empty()
    {
        var names = await _client.DescribeConfigRuleNamesAsync(CancellationToken.None);

        names.Should().BeEmpty();
        Loopback.Server.RequestsFor("config", "DescribeConfigRules").Should().ContainSingle();
    }

    [Test]
    public async Task DescribeConfigRuleNames_retries_throttling()
    {
        Config.AddConfigRule("api-gateway-endpoint-type-check");
        Loopback.Server.Faults.Throttle("config", "DescribeConfigRules", times: 1);

        var names = await _client.DescribeConfigRuleNamesAsync(CancellationToken.None);

        names.Should().Equal("api-gateway-endpoint-type-check");
        Loopback.Server.RequestsFor("config", "DescribeConfigRules").Select(r => r.Status).Should().Equal(400, 200);
    }

    private sealed class CancellingDelays(CancellationTokenSource deadline) : IRetryDelayStrategy
    {
        public TimeSpan DelayBefore(int retry)
        {
            if (retry >= 2) deadline.Cancel();
            return TimeSpan.Zero;
        }
    }
}
