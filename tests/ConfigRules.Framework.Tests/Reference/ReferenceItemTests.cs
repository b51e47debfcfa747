using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Reference;

/// <summary>Public configuration items (rdk examples, AWS docs, recorded API responses) map to the model.</summary>
[Category(ReferenceKit.Category)]
public class ReferenceItemTests
{
    private static IEnumerable<string> WholeItems() =>
        ReferenceSamples.OrPlaceholder(ReferenceSamples.List("configuration-items", "rdk-*.json"));

    /// <summary>An rdk example is one item, or an array of items (the Lambda one).</summary>
    private static List<ConfigurationItem> MapFile(string file)
    {
        using var document = JsonDocument.Parse(ReferenceSamples.Bytes("configuration-items", file));
        var elements = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement.EnumerateArray().ToList()
            : [document.RootElement];
        return elements.Select(e => ConfigurationItemMapper.Parse(e.GetRawText())).ToList();
    }

    [TestCaseSource(nameof(WholeItems))]
    public void Rdk_example_item_maps_with_its_type_and_configuration(string file)
    {
        var items = MapFile(file);

        items.Should().NotBeEmpty();
        foreach (var item in items)
        {
            var expectedType = file["rdk-".Length..^".json".Length].Replace('_', ':');
            item.ResourceType.Replace("::", ":", StringComparison.Ordinal)
                .Should().BeEquivalentTo(expectedType.Replace("::", ":", StringComparison.Ordinal), "the file is named after its type");
            item.ResourceId.Should().NotBeNullOrWhiteSpace();
            item.HasConfiguration.Should().BeTrue();
            item.CaptureTime.Should().NotBeNull();
            item.AwsAccountId.Should().MatchRegex("^[0-9]{12}$");
        }
    }

    [Test]
    public void Rdk_lambda_item_reads_every_field_rules_use()
    {
        var item = MapFile("rdk-AWS_LAMBDA_FUNCTION.json").Single();

        item.ResourceType.Should().Be("AWS::Lambda::Function");
        item.ResourceId.Should().Be("test-function");
        item.Arn.Should().Be("arn:aws:lambda:us-east-1:823362693882:function:test-function");
        item.AwsAccountId.Should().Be("823362693882");
        item.AwsRegion.Should().Be("us-east-1");
        item.CaptureTime.Should().Be(new DateTimeOffset(2018, 5, 11, 17, 53, 48, 872, TimeSpan.Zero));
        item.Configuration.GetStringOrNull("runtime").Should().Be("nodejs6.10");
        item.Configuration.TryGetInt64("memorySize", out var memory).Should().BeTrue();
        memory.Should().Be(128);
        item.Tags.Should().Equal(new Dictionary<string, string> { ["test"] = "value" });
        item.Relationships.Should().HaveCount(4);
        item.Relationships.Should().OnlyContain(r => r.RelationshipName == r.RelationshipName!.Trim(),
            "Config pads relationship names with a space, which the mapper trims");
        item.Relationships[0].ResourceId.Should().BeNull("the role relationship names the role, not its id");
    }

    [Test]
    public void Docs_history_cli_output_maps_item_by_item()
    {
        using var document = JsonDocument.Parse(ReferenceSamples.Bytes("api-responses", "docs-get-resource-config-history-cli-output.json"));
        var items = document.RootElement.GetProperty("configurationItems").EnumerateArray()
            .Select(e => ConfigurationItemMapper.Parse(e.GetRawText())).ToList();

        var item = items.Should().ContainSingle().Subject;
        item.ResourceType.Should().Be("AWS::EC2::SecurityGroup");
        item.ResourceId.Should().Be("sg-6fbb3807");
        item.Status.Should().Be(ConfigurationItemStatus.ResourceDiscovered);
        item.CaptureTime.Should().NotBeNull();
        item.HasConfiguration.Should().BeTrue("the CLI output carries configuration as JSON text, which the mapper parses");
        item.Relationships.Should().NotBeEmpty();
    }

    [Test]
    public void Placebo_history_of_a_deleted_volume_maps_item_by_item()
    {
        var data = ReferenceSamples.PlaceboData("c7n-placebo-get-resource-config-history-deleted-volume.json");
        ReferenceSamples.RestorePlaceboTimestamps(data);
        var items = data["configurationItems"]!.AsArray()
            .Select(node => ConfigurationItemMapper.Parse(node!.ToJsonString())).ToList();

        items.Should().NotBeEmpty().And.OnlyContain(i => i.ResourceType == "AWS::EC2::Volume" && i.ResourceId == "vol-12345");
        var deleted = items[0];
        deleted.Status.Should().Be(ConfigurationItemStatus.ResourceDeleted);
        deleted.IsDeletedOrNotRecorded.Should().BeTrue();
        deleted.HasConfiguration.Should().BeFalse("the deleted volume's configuration is the text \"null\"");
        deleted.CaptureTime.Should().Be(new DateTimeOffset(2017, 1, 19, 3, 37, 1, 401, TimeSpan.Zero));
        items.Skip(1).Should().OnlyContain(i => i.HasConfiguration);
    }

    [TestCase("c7n-placebo-select-resource-config-lambda.json", "resourceType and no resourceId")]
    [TestCase("c7n-placebo-select-resource-config-apigw-stage.json", "resourceType")]
    public void Select_rows_without_the_identity_fields_are_refused_naming_them(string file, string missing)
    {
        // The recorded queries selected configuration (and resourceId), not resourceType: no rule can place such a row.
        var rows = ReferenceSamples.PlaceboData(file)["Results"]!.AsArray().Select(r => (string)r!).ToList();

        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            var act = () => ConfigurationItemMapper.Parse(row);
            act.Should().Throw<InvalidConfigurationItemException>().WithMessage($"*has no {missing}*");
        }
    }

    [Test]
    public void Select_row_of_a_lambda_maps_once_its_query_names_the_type()
    {
        // The recorded query was "... WHERE resourceType = 'AWS::Lambda::Function'"; its row holds doubles like 128.0.
        var row = JsonNode.Parse((string)ReferenceSamples.PlaceboData("c7n-placebo-select-resource-config-lambda.json")["Results"]![0]!)!.AsObject();
        row["resourceType"] = "AWS::Lambda::Function";
        row["resourceId"] = (string)row["configuration"]!["functionName"]!;

        var item = ConfigurationItemMapper.Parse(row.ToJsonString());

        item.ResourceId.Should().Be("omnissm-handle-registrations");
        item.Configuration.GetStringOrNull("runtime").Should().Be("go1.x");
        item.Configuration.TryGetInt64("memorySize", out var memory).Should().BeTrue();
        memory.Should().Be(128);
        item.Configuration.TryGetInt64("codeSize", out var codeSize).Should().BeTrue();
        codeSize.Should().Be(8830136);
    }
}
