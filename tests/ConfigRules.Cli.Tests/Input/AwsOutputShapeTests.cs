using ConfigRules.Cli.Input;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Framework.Model;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Input;

/// <summary>
/// Every AWS output the CLI accepts, read field by field: the fixtures are written from AWS's documented examples
/// and the Config service model (member names and casing as each output spells them, timestamps as each writes them).
/// </summary>
[TestFixture]
public sealed class AwsOutputShapeTests
{
    private static readonly DateTimeOffset CaptureTime = new(2026, 1, 15, 10, 0, 0, 123, TimeSpan.Zero);

    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.AllTwoFunctionFiles))]
    public void Each_output_gives_the_items_identity_place_time_and_configuration(string path)
    {
        var file = Path.GetFileName(path);
        var items = ReadPath(path).Where(item => item.ResourceType != "AWS::IAM::Role").ToList(); // the snapshot also records the role

        items.Select(item => item.ResourceId).Should().BeEquivalentTo("fn-small", "fn-huge");
        foreach (var item in items)
        {
            item.ResourceType.Should().Be("AWS::Lambda::Function", file);
            item.ResourceName.Should().Be(item.ResourceId, file);
            item.AwsAccountId.Should().Be("123456789012", file);
            item.AwsRegion.Should().Be("us-east-1", file);
            item.Status.Should().Be(ConfigurationItemStatus.Ok, file);
            item.Configuration.GetProperty("functionName").GetString().Should().Be(item.ResourceId, file);
            JsonValues.TryReadInt64(item.Configuration.GetProperty("memorySize"), out var memory).Should().BeTrue(file);
            memory.Should().Be(item.ResourceId == "fn-huge" ? 4096 : 256, file);
            if (item.Arn is { } arn) arn.Should().Be($"arn:aws:lambda:us-east-1:123456789012:function:{item.ResourceId}", file);
            // Every fixture was captured at 10:00 that day; the AWS outputs with milliseconds, as each writes them.
            if (item.CaptureTime is { } captured) captured.Should().BeOneOf(CaptureTime, CaptureTime.AddMilliseconds(-123));
        }
    }

    [TestCase("select-aggregate-resource-config.json", "relationshipName")]
    [TestCase("config-history-s3.json", "name")]
    [TestCase("change-notifications.ndjson", "name")]
    public void Tags_relationships_and_creation_time_are_read_in_each_spelling(string file, string relationshipField)
    {
        foreach (var item in Read(file))
        {
            item.Tags.Should().Contain("team", "orders", $"{file} writes tags as {(file.StartsWith("select", StringComparison.Ordinal) ? "an array of {key, value}" : "an object")}");
            item.Relationships.Should().ContainSingle().Which.Should()
                .Be(new Relationship("AWS::IAM::Role", "AROAEXAMPLE", "app-role", "Is associated with"), $"{file} names it with {relationshipField}");
            item.ResourceCreationTime.Should().Be(new DateTimeOffset(2025, 11, 2, 8, 30, 0, TimeSpan.Zero));
        }
    }

    [Test]
    public void Select_results_carry_every_tag_of_the_key_value_array()
    {
        Read("select-aggregate-resource-config.json").Should().OnlyContain(item =>
            item.Tags.Count == 2 && item.Tags["team"] == "orders" && item.Tags["env"] == "prod");
    }

    [Test]
    public void An_aggregator_item_keeps_its_own_account_and_region()
    {
        var item = Read("get-aggregate-resource-config.json").Should().ContainSingle().Subject;

        item.ResourceId.Should().Be("fn-huge");
        item.AwsAccountId.Should().Be("210987654321");
        item.AwsRegion.Should().Be("eu-west-1");
        item.CaptureTime.Should().Be(CaptureTime);
        item.Tags.Should().Contain("team", "orders");
    }

    [TestCase("config-rule-invoking-event.json", 3)]
    [TestCase("eventbridge-configuration-item-change.json", 12)]
    [TestCase("sns-configuration-item-change.json", 6)]
    public void A_notification_inside_its_envelope_is_read_at_the_envelopes_line(string file, int line)
    {
        var item = Read(file).Should().ContainSingle().Subject;

        item.ResourceId.Should().Be("fn-huge");
        item.Status.Should().Be(ConfigurationItemStatus.ResourceDiscovered);
        JsonValues.TryReadInt64(item.Configuration.GetProperty("memorySize"), out var memory).Should().BeTrue();
        memory.Should().Be(4096);
        item.Source.Should().Be(new SourceLocation(file, line));
    }

    [Test]
    public async Task A_scheduled_notification_names_no_resource_and_is_reported_at_its_line()
    {
        var run = await InProcessCli.RunAsync(RuleCatalog.All, null, "evaluate", Fixtures.AwsOutput("scheduled-invoking-event.json"), "--format", "json");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StandardError.Should().Contain("scheduled-invoking-event.json:3: The configuration item has no resourceType and no resourceId");
    }

    [Test]
    public async Task An_oversized_notification_is_reported_with_the_S3_object_that_holds_the_item()
    {
        var run = await InProcessCli.RunAsync(RuleCatalog.All, null, "evaluate", Fixtures.AwsOutput("oversized-change-notification.json"), "--format", "json");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Evaluations().Should().BeEmpty("a summary without configuration is not judged");
        run.StandardError.Should()
            .Contain("oversized-change-notification.json:1: an OversizedConfigurationItemChangeNotification holds only a summary of AWS::Lambda::Function fn-policy-heavy").And
            .Contain("evaluate that object").And
            .Contain("s3://config-bucket/AWSLogs/123456789012/Config/us-east-1/2026/1/15/OversizedChangeNotification/");
    }

    [Test]
    public async Task A_recorded_function_without_the_Concurrency_record_has_none_reserved_and_the_annotation_says_so()
    {
        var run = await InProcessCli.RunAsync(RuleCatalog.All, null,
            "evaluate", Fixtures.AwsOutput("config-history-s3.json"), "--rule", "lambda-concurrency-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Values.Should().OnlyContain(result => result == "NON_COMPLIANT");
        run.Annotation("lambda-concurrency-check", "fn-small").Should()
            .Be("No reserved concurrency is set (read from the recorded item, which has no supplementaryConfiguration.Concurrency), and it is required; set ReservedConcurrentExecutions or set lambda-concurrency-check's requireReservedConcurrency to false.");
    }

    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.TwoFunctionAwsOutputs))]
    public async Task Each_further_output_is_judged_by_the_executable(string file)
    {
        var run = await CliProcess.RunAsync("evaluate", Fixtures.AwsOutput(file), "--rule", "lambda-memory-size-check", "--format", "json");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Evaluations().Should().BeEquivalentTo(new Dictionary<(string, string), string>
        {
            [("lambda-memory-size-check", "fn-small")] = "COMPLIANT",
            [("lambda-memory-size-check", "fn-huge")] = "NON_COMPLIANT",
        });
    }

    private static List<ConfigurationItem> Read(string file) => ReadPath(Fixtures.AwsOutput(file));

    private static List<ConfigurationItem> ReadPath(string path)
    {
        var file = Path.GetFileName(path);
        using var stream = File.OpenRead(path);
        var reader = new ConfigurationItemStreamReader(stream, file);
        var items = new List<ConfigurationItem>();
        while (reader.TryReadNext(out var read))
        {
            read.Problem.Should().BeNull(file);
            items.Add(read.Item!);
        }
        return items;
    }
}
