using System.Text.Json;
using ConfigRules.Framework.Model;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public class ConfigurationItemMapperTests
{
    [Test]
    public void Event_shape_and_api_shape_map_to_the_same_model()
    {
        var fromEvent = ConfigurationItemMapper.Parse(ItemFixtures.EventShapeLambda);
        var fromApi = ConfigurationItemMapper.Parse(ItemFixtures.ApiShapeLambda);

        foreach (var item in new[] { fromEvent, fromApi })
        {
            item.ResourceType.Should().Be("AWS::Lambda::Function");
            item.ResourceId.Should().Be("orders-fn");
            item.Arn.Should().Be("arn:aws:lambda:eu-west-1:123456789012:function:orders-fn");
            item.AwsAccountId.Should().Be("123456789012");
            item.AwsRegion.Should().Be("eu-west-1");
            item.CaptureTime.Should().Be(new DateTimeOffset(2026, 3, 4, 10, 15, 30, 123, TimeSpan.Zero));
            item.ResourceCreationTime.Should().Be(new DateTimeOffset(2025, 11, 1, 8, 0, 0, TimeSpan.Zero));
            item.HasConfiguration.Should().BeTrue();
            item.Configuration.GetStringOrNull("runtime").Should().Be("python3.12");
            item.Configuration.TryGetInt64("memorySize", out var memory).Should().BeTrue();
            memory.Should().Be(512);
            item.SupplementaryConfiguration["Concurrency"].TryGetInt64("reservedConcurrentExecutions", out var reserved).Should().BeTrue();
            reserved.Should().Be(25);
        }

        fromEvent.Status.Should().Be("OK");
        fromApi.Status.Should().Be("ResourceDiscovered");
        fromEvent.Tags.Should().ContainKey("team").WhoseValue.Should().Be("orders");
        fromEvent.Relationships.Should().ContainSingle().Which.RelationshipName.Should().Be("Is associated with");
    }

    [Test]
    public void Supplementary_text_that_is_not_json_stays_a_string()
    {
        var item = ConfigurationItemMapper.Parse(ItemFixtures.ApiShapeLambda);

        item.SupplementaryConfiguration["Note"].ValueKind.Should().Be(JsonValueKind.String);
        item.SupplementaryConfiguration["Note"].GetString().Should().Be("plain text, not JSON");
    }

    [Test]
    public void Deleted_item_without_configuration_is_recognised()
    {
        var item = ConfigurationItemMapper.Parse(ItemFixtures.DeletedApiShape);

        item.IsDeletedOrNotRecorded.Should().BeTrue();
        item.HasConfiguration.Should().BeFalse();
        item.CaptureTime.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1772619330500));
    }

    [TestCase("""{"key":"team","value":"orders"},{"key":"env","value":"prod"}""")]
    [TestCase("""{"Key":"team","Value":"orders"},{"Key":"env","Value":"prod"}""")]
    public void Tags_as_select_resource_config_writes_them_map_like_the_object_shape(string entries)
    {
        // select-resource-config (advanced query schema) writes tags as an array of key/value objects.
        var fromArray = ConfigurationItemMapper.Parse($$"""{"resourceType":"AWS::Lambda::Function","resourceId":"f","tags":[{{entries}}]}""");
        var fromObject = ConfigurationItemMapper.Parse("""{"resourceType":"AWS::Lambda::Function","resourceId":"f","tags":{"team":"orders","env":"prod"}}""");

        fromArray.Tags.Should().Equal(fromObject.Tags);
        fromArray.Tags.Should().Contain("team", "orders").And.Contain("env", "prod");
    }

    [TestCase("relationshipName")]
    [TestCase("name")]
    public void A_relationship_is_named_whichever_field_the_shape_uses(string field)
    {
        // The API (history, select) writes relationshipName; S3 deliveries and change notifications write name.
        var item = ConfigurationItemMapper.Parse($$"""{"resourceType":"AWS::Lambda::Function","resourceId":"f","relationships":[{"resourceType":"AWS::IAM::Role","resourceId":"AROA1","resourceName":"app-role","{{field}}":"Is associated with "}]}""");

        item.Relationships.Should().Equal(new Relationship("AWS::IAM::Role", "AROA1", "app-role", "Is associated with"));
    }

    [Test]
    public void A_tag_without_a_value_reads_as_empty_text()
    {
        var item = ConfigurationItemMapper.Parse("""{"resourceType":"AWS::Lambda::Function","resourceId":"f","tags":[{"key":"flag"}]}""");

        item.Tags.Should().Contain("flag", string.Empty);
    }

    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","tags":[{"value":"v"}]}""", "tags[0] has no \"key\"")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","tags":["team"]}""", "tags[0] must be an object")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","tags":"team=orders"}""", "array of {\"key\", \"value\"} objects")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","tags":{"team":7}}""", "the value of tag 'team' must be text")]
    [TestCase("""{"resourceId":"x"}""", "resourceType")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function"}""", "resourceId")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","configuration":"{not json"}""", "configuration")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":"x","configurationItemCaptureTime":"yesterday"}""", "timestamp")]
    [TestCase("""[1,2]""", "JSON")]
    public void Invalid_items_are_refused_with_the_field_named(string json, string expected)
    {
        var act = () => ConfigurationItemMapper.Parse(json);

        act.Should().Throw<InvalidConfigurationItemException>().Which.Message.Should().Contain(expected);
    }

    [TestCase("128", 128L)]
    [TestCase("128.0", 128L)]
    [TestCase("\"256\"", 256L)]
    [TestCase("1.0E3", 1000L)]
    public void Integral_values_are_read_from_integers_doubles_and_text(string raw, long expected)
    {
        using var document = JsonDocument.Parse($$"""{"value":{{raw}}}""");

        document.RootElement.TryGetInt64("value", out var value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [TestCase("128.5")]
    [TestCase("\"lots\"")]
    [TestCase("null")]
    [TestCase("true")]
    public void Non_integral_values_are_not_read_as_integers(string raw)
    {
        using var document = JsonDocument.Parse($$"""{"value":{{raw}}}""");

        document.RootElement.TryGetInt64("value", out _).Should().BeFalse();
    }
}
