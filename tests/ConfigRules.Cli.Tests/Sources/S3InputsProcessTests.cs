using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing.Aws;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Sources;

/// <summary>s3:// RESOURCES through the executable against a loopback S3 that checks every signature.</summary>
[TestFixture]
[NonParallelizable]
public sealed class S3InputsProcessTests
{
    private const string Prefix = "AWSLogs/123456789012/Config/us-east-1/2026/1/15/ConfigSnapshot/";

    [Test]
    public async Task A_prefix_reads_every_object_on_every_page_gzip_included_and_skips_what_is_not_JSON()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.S3.PageSize = 2;
        aws.S3.PutObject("config-bucket", "AWSLogs/123456789012/Config/ConfigWritabilityCheckFile", "...");
        aws.S3.PutObject("config-bucket", Prefix + "a.json.gz", AwsTestAccount.Gzip(AwsTestAccount.Snapshot(("fn-a", 256), ("fn-b", 4096))));
        aws.S3.PutObject("config-bucket", Prefix + "b.json", AwsTestAccount.Snapshot(("fn-c", 512)));
        aws.S3.PutObject("config-bucket", Prefix + "c.json.gz", AwsTestAccount.Gzip(AwsTestAccount.Snapshot(("fn-d", 10240))));
        aws.S3.PutObject("config-bucket", "elsewhere/d.json", AwsTestAccount.Snapshot(("fn-outside", 128)));
        aws.Faults.Throttle("s3", "GetObject");

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws),
            "evaluate", "s3://config-bucket/AWSLogs/", "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("lambda-memory-size-check", "fn-a")] = "COMPLIANT",
            [("lambda-memory-size-check", "fn-b")] = "NON_COMPLIANT",
            [("lambda-memory-size-check", "fn-c")] = "COMPLIANT",
            [("lambda-memory-size-check", "fn-d")] = "NON_COMPLIANT",
        });
        run.StandardError.Should().Contain("s3://config-bucket/AWSLogs/123456789012/Config/ConfigWritabilityCheckFile: skipped, not JSON");
        aws.ShouldAllBeSigned();
        var listings = aws.RequestsFor("s3", "ListObjectsV2");
        listings.Should().HaveCount(2, "four keys at two a page");
        listings.Should().OnlyContain(r => r.Request.RawPath == "/config-bucket" && r.Request.RawQuery.Contains("prefix=AWSLogs%2F"));
        aws.RequestsFor("s3", "GetObject").Select(r => r.Status).Should().Contain(503, "the throttled read was retried").And.Contain(200);
        aws.Requests.Select(r => r.Request.Method).Should().OnlyContain(method => method == "GET");
    }

    [Test]
    public async Task One_object_is_read_by_its_key_even_when_its_name_does_not_say_gzip()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.S3.PutObject("config-bucket", "exports/snapshot", AwsTestAccount.Gzip(AwsTestAccount.Snapshot(("fn-big", 8192))));

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws),
            "evaluate", "s3://config-bucket/exports/snapshot", "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations()[("lambda-memory-size-check", "fn-big")].Should().Be("NON_COMPLIANT");
        aws.RequestsFor("s3", "ListObjectsV2").Should().BeEmpty();
        aws.RequestsFor("s3", "GetObject").Should().OnlyContain(r => r.Request.RawPath == "/config-bucket/exports/snapshot");
        aws.ShouldAllBeSigned();
    }

    [Test]
    public async Task Access_denied_missing_objects_and_empty_prefixes_are_input_errors_naming_the_URI()
    {
        await using var aws = LoopbackAwsServer.Start();
        aws.S3.PutObject("config-bucket", "good.json", AwsTestAccount.Snapshot(("fn-ok", 256)));
        aws.S3.PutObject("config-bucket", "secret.json", AwsTestAccount.Snapshot(("fn-hidden", 256)));
        aws.S3.DenyAccess("config-bucket", "secret.json");

        var run = await CliProcess.RunAsync(AwsTestAccount.Options(aws),
            "evaluate", "s3://config-bucket/good.json", "s3://config-bucket/secret.json", "s3://config-bucket/missing.json",
            "s3://config-bucket/nothing-here/", "s3://Bad_Bucket/x.json", "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Evaluations().Keys.Should().Equal(("lambda-memory-size-check", "fn-ok"));
        run.StandardError.Should()
            .Contain("s3://config-bucket/secret.json: cannot be read: S3 GetObject of s3://config-bucket/secret.json failed: access denied").And
            .Contain("s3://config-bucket/missing.json: cannot be read:").And.Contain("no object has that key").And
            .Contain("s3://config-bucket/nothing-here/: no object has a key under this prefix.").And
            .Contain("s3://Bad_Bucket/x.json").And.Contain("lower-case letters");
        aws.ShouldAllBeSigned();
    }

    [Test]
    public async Task Region_comes_from_the_option_over_AWS_REGION()
    {
        // The loopback account refuses signatures scoped to any region but its own.
        await using var aws = LoopbackAwsServer.Start(region: "eu-west-2");
        aws.S3.PutObject("config-bucket", "one.json", AwsTestAccount.Snapshot(("fn-one", 256)));
        var options = AwsTestAccount.Options(aws);
        options = options with { Environment = new Dictionary<string, string>(options.Environment) { ["AWS_REGION"] = "us-east-1", ["AWS_DEFAULT_REGION"] = "us-east-1" } };

        var run = await CliProcess.RunAsync(options,
            "evaluate", "s3://config-bucket/one.json", "--region", "eu-west-2", "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Evaluations()[("lambda-memory-size-check", "fn-one")].Should().Be("COMPLIANT");
        aws.ShouldAllBeSigned();
    }
}
