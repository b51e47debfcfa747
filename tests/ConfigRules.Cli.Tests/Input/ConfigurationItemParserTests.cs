using System.Text;
using System.Text.Json;
using ConfigRules.Cli.Input;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Framework.Model;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Cli.Tests.Input;

/// <summary>The one-parse reader agrees with the framework's mapper on every shape, and refuses what it refuses.</summary>
[TestFixture]
public sealed class ConfigurationItemParserTests
{
    private static readonly string[] Shapes =
    [
        // Event shape, ISO timestamps, relationships, tags as an object.
        """{"resourceType":"AWS::Lambda::Function","resourceId":"f1","resourceName":"fn","ARN":"arn:aws:lambda:eu-west-1:1:function:fn","awsAccountId":"111122223333","awsRegion":"eu-west-1","configurationItemStatus":"OK","configurationItemCaptureTime":"2026-01-15T09:00:00.000Z","resourceCreationTime":"2025-01-01T00:00:00Z","configuration":{"timeout":30,"nested":{"a":[1,2,{"b":"c"}]}},"supplementaryConfiguration":{"Concurrency":{"reservedConcurrentExecutions":5}},"tags":{"team":"a","empty":null},"relationships":[{"resourceType":"AWS::IAM::Role","resourceId":"r","resourceName":"role","relationshipName":" Is associated with "}]}""",
        // API shape: configuration and supplementary values as JSON text, epoch seconds, accountId, tags as key/value objects.
        """{"resourceType":"AWS::Lambda::Function","resourceId":"f2","accountId":"111122223333","configurationItemCaptureTime":1767171600.123,"configuration":"{\"timeout\":900}","supplementaryConfiguration":{"Concurrency":"{\"reservedConcurrentExecutions\":0}","Plain":"text"},"tags":[{"key":"team","value":"b"}]}""",
        // Property names in other casings and escaped, unknown properties, nulls.
        """{"ResourceType":"AWS::Lambda::Function","RESOURCEID":"f3","resource\u004eame":"escaped","unknown":{"x":[1]},"configuration":null,"tags":null,"relationships":null,"supplementaryConfiguration":null}""",
        // The last of two spellings wins, as in the serializer.
        """{"resourceType":"AWS::Lambda::Function","resourceId":"first","resourceid":"second","configuration":{}}""",
        // A deleted item: no configuration, a status.
        """{"resourceType":"AWS::Lambda::Function","resourceId":"f4","configurationItemStatus":"ResourceDeleted","configurationItemCaptureTime":""}""",
    ];

    [TestCaseSource(nameof(Shapes))]
    public void Parses_as_the_framework_mapper_does(string json) => AssertSameAsMapper(Encoding.UTF8.GetBytes(json));

    [TestCaseSource(typeof(Fixtures), nameof(Fixtures.TwoFunctionShapes))]
    public void Parses_every_fixture_item_as_the_framework_mapper_does(string file)
    {
        var reader = new ConfigurationItemStreamReader(new MemoryStream(File.ReadAllBytes(Fixtures.Input(file))), file);
        var count = 0;
        while (reader.TryReadNextRaw(out var json, out _))
        {
            AssertSameAsMapper(json.ToArray());
            count++;
        }
        count.Should().BeGreaterThan(0);
    }

    [TestCase("""{"resourceId":"x"}""", "no resourceType")]
    [TestCase("""{"resourceType":"AWS::Lambda::Function","resourceId":5}""", "resourceId is a number; expected a string")]
    [TestCase("""{"resourceType":"T","resourceId":"x","relationships":[null]}""", "relationships hold a null entry")]
    [TestCase("""{"resourceType":"T","resourceId":"x","relationships":{}}""", "relationships is an object; expected an array")]
    [TestCase("""{"resourceType":"T","resourceId":"x","configurationItemCaptureTime":"yesterday"}""", "configurationItemCaptureTime is not a timestamp")]
    [TestCase("""{"resourceType":"T","resourceId":"x","tags":5}""", "tags cannot be read")]
    [TestCase("""{"resourceType":"T","resourceId":"x","configuration":"{broken"}""", "configuration is a string that is not valid JSON")]
    [TestCase("""[1]""", "is an array; expected an object")]
    [TestCase("""{"resourceType":""", "not valid JSON")]
    public void Refuses_what_cannot_be_an_item_with_what_is_wrong(string json, string problem)
    {
        var act = () => ConfigurationItemParser.Parse(Encoding.UTF8.GetBytes(json), null).Dispose();
        act.Should().Throw<InvalidConfigurationItemException>().Which.Message.Should().Contain(problem);
        // The framework's mapper refuses the same input too (in its own words).
        var mapper = () => ConfigurationItemMapper.Parse(Encoding.UTF8.GetBytes(json));
        mapper.Should().Throw<InvalidConfigurationItemException>();
    }

    [Test]
    public void Values_that_repeat_from_item_to_item_are_read_anew_when_they_change()
    {
        // Type, account, region and status are kept from the item before on this thread: each item still gets its own.
        string[] items =
        [
            """{"resourceType":"AWS::Lambda::Function","resourceId":"a","awsAccountId":"111122223333","awsRegion":"eu-west-1","configurationItemStatus":"OK"}""",
            """{"resourceType":"AWS::Lambda::Function","resourceId":"b","awsAccountId":"111122223333","awsRegion":"eu-west-1","configurationItemStatus":"OK"}""",
            """{"resourceType":"AWS::IAM::Role","resourceId":"c","awsAccountId":"444455556666","awsRegion":"global","configurationItemStatus":"ResourceDeleted"}""",
            """{"resourceType":"AWS::IAM::Role","resourceId":"d","awsAccountId":"444455556666","awsRegion":"eu\u002dwest-1","configurationItemStatus":"OK"}""",
            """{"resourceType":"AWS::IAM::Role","resourceId":"e","awsAccountId":"444455556666","awsRegion":"eu\u002dwest-1"}""",
        ];
        var read = items.Select(json =>
        {
            using var parsed = ConfigurationItemParser.Parse(Encoding.UTF8.GetBytes(json), null);
            return (parsed.Item.ResourceType, parsed.Item.AwsAccountId, parsed.Item.AwsRegion, parsed.Item.Status);
        }).ToList();

        read.Should().Equal(
            ("AWS::Lambda::Function", "111122223333", "eu-west-1", "OK"),
            ("AWS::Lambda::Function", "111122223333", "eu-west-1", "OK"),
            ("AWS::IAM::Role", "444455556666", "global", "ResourceDeleted"),
            ("AWS::IAM::Role", "444455556666", "eu-west-1", "OK"),
            ("AWS::IAM::Role", "444455556666", "eu-west-1", "OK"));
        var wrong = () => ConfigurationItemParser.Parse("""{"resourceType":"T","resourceId":"x","awsRegion":5}"""u8.ToArray(), null).Dispose();
        wrong.Should().Throw<InvalidConfigurationItemException>().Which.Message.Should().Contain("awsRegion is a number; expected a string");
    }

    private static void AssertSameAsMapper(byte[] json)
    {
        var source = new SourceLocation("test.json", 3);
        var expected = ConfigurationItemMapper.Parse(json, source);
        using var parsed = ConfigurationItemParser.Parse(json, source);
        var actual = parsed.Item;
        actual.Should().BeEquivalentTo(expected, options => options
            .Excluding(item => item.Configuration)
            .Excluding(item => item.SupplementaryConfiguration));
        Text(actual.Configuration).Should().Be(Text(expected.Configuration));
        actual.SupplementaryConfiguration.Keys.Should().BeEquivalentTo(expected.SupplementaryConfiguration.Keys);
        foreach (var (key, value) in expected.SupplementaryConfiguration)
            Text(actual.SupplementaryConfiguration[key]).Should().Be(Text(value), key);
    }

    private static string Text(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? "(none)" : JsonSerializer.Serialize(element, JsonTestContext.Default.JsonElement);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonTestContext : System.Text.Json.Serialization.JsonSerializerContext;
