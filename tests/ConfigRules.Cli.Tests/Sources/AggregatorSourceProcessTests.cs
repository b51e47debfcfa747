using System.Text.Json.Nodes;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Sources;

/// <summary><c>evaluate --aggregator NAME</c> through the executable against a loopback Config aggregator.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AggregatorSourceProcessTests
{
    private static readonly (string Account, string Region)[] Sources =
        [("111111111111", "us-east-1"), ("111111111111", "eu-west-1"), ("222222222222", "us-east-1"), ("222222222222", "ap-southeast-2")];

    [Test]
    public async Task Every_account_and_region_with_lookups_answered_from_the_aggregators_own_items()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.Config.PageSize = 3;
        foreach (var (account, region) in Sources)
        {
            var suffix = $"{account[..1]}-{region}";
            Put(aws, account, region, "AWS::Lambda::Function", $"fn-ok-{suffix}", AwsTestAccount.Function($"fn-ok-{suffix}", 256, $"arn:aws:iam::{account}:role/app-role"));
            Put(aws, account, region, "AWS::Lambda::Function", $"fn-admin-{suffix}", AwsTestAccount.Function($"fn-admin-{suffix}", 4096, $"arn:aws:iam::{account}:role/admin-role"));
        }
        foreach (var account in new[] { "111111111111", "222222222222" })
        {
            Put(aws, account, "global", "AWS::IAM::Role", $"AROA{account}APP", Role(account, "app-role", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
            Put(aws, account, "global", "AWS::IAM::Role", $"AROA{account}ADMIN", Role(account, "admin-role", "arn:aws:iam::aws:policy/AdministratorAccess"));
        }
        aws.Config.LeaveNextAggregateIdentifiersUnprocessed(3);
        aws.Faults.Throttle("config", "ListAggregateDiscoveredResources");

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--aggregator", "org-view",
            "--rule", "lambda-memory-size-check", "--rule", "lambda-execution-role-check", "--rule", "lambda-concurrency-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations.Should().HaveCount(3 * 8);
        foreach (var (account, region) in Sources)
        {
            var suffix = $"{account[..1]}-{region}";
            evaluations[("lambda-memory-size-check", $"fn-admin-{suffix}")].Should().Be("NON_COMPLIANT");
            evaluations[("lambda-execution-role-check", $"fn-admin-{suffix}")].Should().Be("NON_COMPLIANT", "the role item of that account attaches AdministratorAccess");
            evaluations[("lambda-execution-role-check", $"fn-ok-{suffix}")].Should().Be("COMPLIANT");
        }
        run.Annotation("lambda-concurrency-check", "fn-ok-1-eu-west-1").Should()
            .Contain("read from the recorded item, which has no supplementaryConfiguration.Concurrency");
        aws.ShouldAllBeSigned();
        aws.Requests.Select(r => r.Service).Should().OnlyContain(service => service == "config", "the aggregator's accounts are not the caller's to call");
        aws.Requests.Select(r => r.Operation).Distinct().Should().BeEquivalentTo("ListAggregateDiscoveredResources", "BatchGetAggregateResourceConfig");
        var listedTypes = aws.RequestsFor("config", "ListAggregateDiscoveredResources").Where(r => r.Status == 200)
            .Select(r => JsonNode.Parse(r.BodyText)!).ToList();
        listedTypes.Should().OnlyContain(body => (string?)body["ConfigurationAggregatorName"] == "org-view");
        listedTypes.Select(body => (string?)body["ResourceType"]).Distinct().Should().Equal("AWS::IAM::Role", "AWS::Lambda::Function");
        aws.RequestsFor("config", "BatchGetAggregateResourceConfig").Select(r => JsonNode.Parse(r.BodyText)!["ResourceIdentifiers"]!.AsArray())
            .Should().OnlyContain(ids => ids.Count >= 1 && ids.Count <= 100 && ids.All(id => id!["SourceAccountId"] != null && id["SourceRegion"] != null));
    }

    [Test]
    public async Task The_table_names_each_findings_account_and_region_by_its_ARN()
    {
        await using var aws = LoopbackAwsServer.Start();
        Put(aws, "222222222222", "ap-southeast-2", "AWS::Lambda::Function", "fn-big", AwsTestAccount.Function("fn-big", 4096));

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--aggregator", "org-view", "--rule", "lambda-memory-size-check");

        run.ExitCode.Should().Be(1, run.ToString());
        run.StandardOutput.Should().Contain("NON_COMPLIANT  fn-big  (arn:aws:lambda:ap-southeast-2:222222222222:function:fn-big)");
    }

    [Test]
    public async Task An_unknown_aggregator_is_exit_2_naming_it()
    {
        await using var aws = LoopbackAwsServer.Start();

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--aggregator", "no-such-view", "--rule", "lambda-memory-size-check");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("aggregator no-such-view").And.Contain("NoSuchConfigurationAggregatorException");
    }

    private static void Put(LoopbackAwsServer aws, string account, string region, string type, string id, JsonObject configuration) =>
        aws.Config.PutAggregated("org-view", new FakeResource
        {
            ResourceType = type, ResourceId = id, ResourceName = (string?)configuration["functionName"] ?? (string?)configuration["roleName"],
            AccountId = account, AwsRegion = region, Configuration = configuration,
            Arn = type == "AWS::Lambda::Function" ? $"arn:aws:lambda:{region}:{account}:function:{id}" : (string?)configuration["arn"],
        });

    private static JsonObject Role(string account, string name, string policyArn) => new()
    {
        ["roleName"] = name,
        ["arn"] = $"arn:aws:iam::{account}:role/{name}",
        ["path"] = "/",
        ["attachedManagedPolicies"] = new JsonArray(new JsonObject { ["policyName"] = policyArn.Split('/')[^1], ["policyArn"] = policyArn }),
    };
}
