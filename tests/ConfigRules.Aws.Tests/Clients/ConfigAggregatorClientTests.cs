using System.Text.Json.Nodes;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Transport;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Aws.Tests.Clients;

/// <summary>The aggregator reads: every account and region behind a Config aggregator, paged and batched.</summary>
public sealed class ConfigAggregatorClientTests : LoopbackClientTests
{
    private const string LambdaType = "AWS::Lambda::Function";
    private const string Aggregator = "org-aggregator";
    private ConfigServiceClient _client = null!;

    [SetUp]
    public void CreateClient() => _client = ConfigServiceClient.Create(Loopback.Context);

    private FakeConfigService Config => Loopback.Server.Config;

    private void Put(string account, string region, string id, string type = LambdaType) => Config.PutAggregated(Aggregator, new FakeResource
    {
        ResourceType = type, ResourceId = id, AccountId = account, AwsRegion = region,
        Configuration = new JsonObject { ["runtime"] = "python3.12" },
    });

    [Test]
    public async Task Lists_every_account_and_region_of_one_type_through_every_page()
    {
        Config.PageSize = 2;
        Put("111111111111", "eu-west-1", "fn-a");
        Put("111111111111", "us-east-1", "fn-b");
        Put("222222222222", "eu-west-1", "fn-a");
        Put("222222222222", "eu-west-1", "api-1", "AWS::ApiGateway::RestApi");
        Put("333333333333", "ap-south-1", "fn-c");

        var keys = new List<AggregateResourceKey>();
        await foreach (var key in _client.ListAggregateDiscoveredResourcesAsync(Aggregator, LambdaType, CancellationToken.None)) keys.Add(key);

        keys.Should().Equal(
            new AggregateResourceKey("111111111111", "eu-west-1", LambdaType, "fn-a"),
            new AggregateResourceKey("111111111111", "us-east-1", LambdaType, "fn-b"),
            new AggregateResourceKey("222222222222", "eu-west-1", LambdaType, "fn-a"),
            new AggregateResourceKey("333333333333", "ap-south-1", LambdaType, "fn-c"));
        var requests = Loopback.Server.RequestsFor("config", "ListAggregateDiscoveredResources");
        requests.Should().HaveCount(2).And.OnlyContain(r => r.SignatureValid);
        var first = JsonNode.Parse(requests[0].BodyText)!.AsObject();
        first["ConfigurationAggregatorName"]!.GetValue<string>().Should().Be(Aggregator);
        first["ResourceType"]!.GetValue<string>().Should().Be(LambdaType);
        first["Limit"]!.GetValue<int>().Should().Be(100);
        JsonNode.Parse(requests[1].BodyText)!["NextToken"].Should().NotBeNull();
    }

    [Test]
    public async Task Reads_the_items_of_several_accounts_asking_unprocessed_identifiers_again()
    {
        Put("111111111111", "eu-west-1", "fn-a");
        Put("222222222222", "eu-west-1", "fn-a");
        Config.LeaveNextAggregateIdentifiersUnprocessed(1);

        var items = await _client.BatchGetAggregateResourceConfigAsync(Aggregator,
            [new("111111111111", "eu-west-1", LambdaType, "fn-a"), new("222222222222", "eu-west-1", LambdaType, "fn-a")], CancellationToken.None);

        items.Select(i => (i.AwsAccountId, i.AwsRegion, i.ResourceId)).Should().BeEquivalentTo(
            [("111111111111", "eu-west-1", "fn-a"), ("222222222222", "eu-west-1", "fn-a")]);
        items.Should().OnlyContain(i => i.Configuration.GetProperty("runtime").GetString() == "python3.12");
        var calls = Loopback.Server.RequestsFor("config", "BatchGetAggregateResourceConfig");
        calls.Should().HaveCount(2);
        JsonNode.Parse(calls[1].BodyText)!["ResourceIdentifiers"]!.AsArray().Should().ContainSingle("only the unprocessed one is asked again");
    }

    [Test]
    public async Task More_than_100_keys_a_call_is_refused_before_sending()
    {
        var keys = Enumerable.Range(0, 101).Select(i => new AggregateResourceKey("111111111111", "eu-west-1", LambdaType, $"fn-{i}")).ToList();

        var act = () => _client.BatchGetAggregateResourceConfigAsync(Aggregator, keys, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 100*");
        Loopback.Server.Requests.Should().BeEmpty();
    }

    [Test]
    public async Task An_unknown_aggregator_is_reported_with_Config_code()
    {
        var act = async () =>
        {
            await foreach (var _ in _client.ListAggregateDiscoveredResourcesAsync("no-such-aggregator", LambdaType, CancellationToken.None)) { }
        };

        var error = (await act.Should().ThrowAsync<AwsServiceException>()).Which;
        error.ErrorType.Should().Be("NoSuchConfigurationAggregatorException");
        error.Message.Should().Contain("no-such-aggregator");
    }
}
