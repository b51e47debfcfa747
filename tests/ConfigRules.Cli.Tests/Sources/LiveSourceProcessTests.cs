using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Sources;

/// <summary><c>evaluate --live</c> through the executable against a loopback account that checks signatures and request bodies.</summary>
[TestFixture]
[NonParallelizable]
public sealed class LiveSourceProcessTests
{
    /// <summary>What --live may call: reads, and nothing that changes the account or Config's results.</summary>
    private static readonly string[] ReadOperations =
    [
        "ListDiscoveredResources", "BatchGetResourceConfig", "GetFunctionConcurrency", "GetRole", "ListAttachedRolePolicies",
        "GetWebACL", "DescribeAlarms", "DescribeTrails", "GetTrailStatus", "GetEventSelectors", "GetInsightSelectors", "GetCallerIdentity",
    ];

    [Test]
    public async Task Every_page_in_batches_of_a_hundred_through_throttling_and_unprocessed_keys()
    {
        await using var aws = LoopbackAwsServer.Start();
        for (var i = 0; i < 230; i++)
            aws.Config.Put("AWS::Lambda::Function", $"fn-{i:D3}", AwsTestAccount.Function($"fn-{i:D3}", i % 10 == 0 ? 4096 : 256));
        aws.Config.Put("AWS::Lambda::Function", "fn-gone", AwsTestAccount.Function("fn-gone", 4096));
        aws.Config.Delete("AWS::Lambda::Function", "fn-gone");
        aws.Faults.Throttle("config", "ListDiscoveredResources");
        aws.Faults.Throttle("config", "BatchGetResourceConfig");
        aws.Config.LeaveNextKeysUnprocessed(7);

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--live", "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        var evaluations = run.Evaluations();
        evaluations.Should().HaveCount(230);
        evaluations.Values.Count(v => v == "NON_COMPLIANT").Should().Be(23);
        evaluations.Keys.Should().NotContain(("lambda-memory-size-check", "fn-gone"), "Config lists no deleted resource");
        aws.ShouldAllBeSigned();

        var listings = aws.RequestsFor("config", "ListDiscoveredResources").Where(r => r.Status == 200).Select(r => JsonNode.Parse(r.BodyText)!.AsObject()).ToList();
        listings.Should().HaveCount(3, "230 resources at 100 a page");
        listings.Should().OnlyContain(body => (string?)body["resourceType"] == "AWS::Lambda::Function");
        listings[0].ContainsKey("nextToken").Should().BeFalse();
        listings.Skip(1).Should().OnlyContain(body => body["nextToken"] != null);

        var batches = aws.RequestsFor("config", "BatchGetResourceConfig").Where(r => r.Status == 200)
            .Select(r => JsonNode.Parse(r.BodyText)!["resourceKeys"]!.AsArray()).ToList();
        batches.Should().OnlyContain(keys => keys.Count >= 1 && keys.Count <= 100);
        batches.Select(keys => keys.Count).Should().Equal(100, 7, 100, 30);
        aws.RequestsFor("config").Select(r => r.Request.Header("X-Amz-Target")).Should()
            .OnlyContain(target => target == "StarlingDoveService.ListDiscoveredResources" || target == "StarlingDoveService.BatchGetResourceConfig");
        aws.RequestsFor("config").Should().OnlyContain(r => r.Request.Header("Content-Type") == "application/x-amz-json-1.1");
        aws.RequestsFor("config").Select(r => r.Status).Should().Contain(400, "the throttled calls were answered ThrottlingException and asked again");
    }

    [Test]
    public async Task The_rules_lookups_are_made_live_and_the_annotation_says_what_was_read()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.Config.Put("AWS::Lambda::Function", "fn-reserved", AwsTestAccount.Function("fn-reserved", 256));
        aws.Config.Put("AWS::Lambda::Function", "fn-unreserved", AwsTestAccount.Function("fn-unreserved", 256));
        aws.Config.Put("AWS::Lambda::Function", "fn-admin", AwsTestAccount.Function("fn-admin", 256, "arn:aws:iam::123456789012:role/admin-role"));
        aws.Lambda.PutFunction("fn-reserved", 10);
        aws.Lambda.PutFunction("fn-unreserved", null);
        aws.Lambda.PutFunction("fn-admin", 5);
        aws.Iam.PutRole("app-role", null, "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        aws.Iam.PutRole("admin-role", null, "arn:aws:iam::aws:policy/AdministratorAccess");

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--live",
            "--rule", "lambda-concurrency-check", "--rule", "lambda-execution-role-check", "--rule", "cloudtrail-serverless-audit-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("lambda-concurrency-check", "fn-reserved")] = "COMPLIANT",
            [("lambda-concurrency-check", "fn-unreserved")] = "NON_COMPLIANT",
            [("lambda-concurrency-check", "fn-admin")] = "COMPLIANT",
            [("lambda-execution-role-check", "fn-reserved")] = "COMPLIANT",
            [("lambda-execution-role-check", "fn-unreserved")] = "COMPLIANT",
            [("lambda-execution-role-check", "fn-admin")] = "NON_COMPLIANT",
            [("cloudtrail-serverless-audit-check", "123456789012")] = "NON_COMPLIANT",
        });
        run.Annotation("lambda-concurrency-check", "fn-unreserved").Should().Contain("read from Lambda GetFunctionConcurrency");
        run.Annotation("lambda-execution-role-check", "fn-admin").Should().Contain("AdministratorAccess");
        aws.RequestsFor("lambda", "GetFunctionConcurrency").Should().HaveCount(3);
        aws.RequestsFor("iam", "GetRole").Should().NotBeEmpty();
        aws.RequestsFor("cloudtrail", "DescribeTrails").Should().NotBeEmpty();
        aws.Requests.Select(r => r.Operation).Should().OnlyContain(operation => ReadOperations.Contains(operation));
        aws.ShouldAllBeSigned();
    }

    [Test]
    public async Task The_account_is_judged_once_even_when_it_records_nothing_of_the_rules_types()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.CloudTrail.Put(new FakeTrail("org-trail", EventSelectors: FakeCloudTrailService.AllDataEvents(),
            InsightTypes: ["ApiCallRateInsight", "ApiErrorRateInsight"]));

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--live", "--rule", "cloudtrail-serverless-audit-check", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations().Should().Equal(new Dictionary<(string, string), string>
        {
            [("cloudtrail-serverless-audit-check", FakeStsService.AccountId)] = "COMPLIANT",
        });
        aws.RequestsFor("sts", "GetCallerIdentity").Should().ContainSingle();
        aws.RequestsFor("config").Should().BeEmpty("an account rule judges the account, not recorded resources");
        aws.ShouldAllBeSigned();
    }

    [Test]
    public async Task Access_denied_is_exit_2_with_the_permissions_the_run_needs()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.Config.Put("AWS::Lambda::Function", "fn-one", AwsTestAccount.Function("fn-one", 256));
        aws.Faults.Error("config", "ListDiscoveredResources", 400, "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: config:ListDiscoveredResources");

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws), "evaluate", "--live", "--rule", "lambda-concurrency-check");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("configrules: AWS Config in us-east-1: access denied:").And
            .Contain("not authorized to perform: config:ListDiscoveredResources").And
            .Contain("config:BatchGetResourceConfig, config:ListDiscoveredResources, lambda:GetFunctionConcurrency");
        aws.RequestsFor("config", "ListDiscoveredResources").Should().ContainSingle("an access refusal is not asked again");
    }

    [Test]
    public async Task Each_services_endpoint_variable_wins_over_the_general_one_as_in_the_rule_functions()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.Config.Put("AWS::Lambda::Function", "fn-one", AwsTestAccount.Function("fn-one", 256));
        aws.Lambda.PutFunction("fn-one", 3);
        aws.S3.PutObject("config-bucket", "one.json", AwsTestAccount.Snapshot(("fn-two", 256)));
        var loopback = aws.BaseUrl.ToString().TrimEnd('/');
        var options = AwsTestAccount.Options(aws);
        options = options with
        {
            Environment = new Dictionary<string, string>(options.Environment)
            {
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9", // the discard port: nothing answers there
                ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = loopback,
                ["AWS_ENDPOINT_URL_LAMBDA"] = loopback,
                ["AWS_ENDPOINT_URL_S3"] = loopback,
                ["AWS_MAX_ATTEMPTS"] = "1",
            },
        };

        var live = await CliProcess.RunAsync(options, "evaluate", "--live", "--rule", "lambda-concurrency-check", "--format", "json");
        var s3 = await CliProcess.RunAsync(options, "evaluate", "s3://config-bucket/one.json", "--rule", "lambda-memory-size-check", "--format", "json");

        live.ExitCode.Should().Be(0, live.ToString());
        live.Evaluations()[("lambda-concurrency-check", "fn-one")].Should().Be("COMPLIANT");
        s3.ExitCode.Should().Be(0, s3.ToString());
        s3.Evaluations()[("lambda-memory-size-check", "fn-two")].Should().Be("COMPLIANT");
        aws.ShouldAllBeSigned();
    }

    [Test]
    public async Task Without_a_region_the_message_says_how_to_set_one()
    {
        await using var aws = LoopbackAwsServer.Start();
        var options = AwsTestAccount.Options(aws);
        options = options with { Environment = new Dictionary<string, string>(options.Environment) { ["AWS_REGION"] = "", ["AWS_DEFAULT_REGION"] = "" } };

        var run = await CliProcess.RunAsync(options, "evaluate", "--live");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("--live: No AWS region is set").And.Contain("AWS_REGION");
        aws.Requests.Should().BeEmpty();
    }
}
