using System.Text;
using ConfigRules.Framework.Events;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Reference;

/// <summary>The public custom-rule events (AWS docs, Powertools, Cloud Custodian, aws-lambda-dotnet) parse.</summary>
[Category(ReferenceKit.Category)]
public class ReferenceEventTests
{
    /// <summary>Every whole event in the kit and what a reader of it expects: kind, rule name, resource.</summary>
    private static readonly Dictionary<string, (MessageKind Kind, string RuleName, string? ResourceId)> Expected = new(StringComparer.Ordinal)
    {
        ["c7n-periodic-scheduled.json"] = (MessageKind.Scheduled, "dev", null),
        ["docs-change-triggered-ec2.json"] = (MessageKind.ConfigurationItemChange, "change-triggered-config-rule", "i-00000000"),
        ["docs-oversized-change-ec2.json"] = (MessageKind.OversizedConfigurationItemChange, "change-triggered-config-rule", "i-00000000"),
        ["docs-periodic-scheduled.json"] = (MessageKind.Scheduled, "periodic-config-rule", null),
        ["dotnet-snapshot-delivery-completed.json"] = (MessageKind.Ignored, "periodic-config-rule", null),
        ["powertools-change-triggered-ec2-with-diff.json"] = (MessageKind.ConfigurationItemChange, "MyRule", "i-042dd005362091826"),
        ["powertools-oversized-change-ec2.json"] = (MessageKind.OversizedConfigurationItemChange, "change-triggered-config-rule", "i-00000000"),
        ["powertools-periodic-scheduled.json"] = (MessageKind.Scheduled, "rule-ec2-test", null),
    };

    private const string InvokingEventOnly = "aws-config-rules-invokingEvent-apigw-restapi-regional.json";

    private static IEnumerable<string> WholeEvents() =>
        ReferenceSamples.OrPlaceholder(ReferenceSamples.List("events", "*.json").Where(name => name != InvokingEventOnly));

    [Test]
    public void Every_sample_event_has_an_expectation()
    {
        var files = ReferenceSamples.List("events", "*.json").ToList();
        if (files.Count == 0) ReferenceKit.Require(ReferenceSamples.Folder, "events");
        files.Should().BeEquivalentTo(Expected.Keys.Append(InvokingEventOnly),
            "a new sample in the kit needs its expected kind here");
    }

    [TestCaseSource(nameof(WholeEvents))]
    public void Whole_event_parses_as_its_message_type_says(string file)
    {
        var parsed = ConfigRuleEventParser.Parse(ReferenceSamples.Bytes("events", file));
        var (kind, ruleName, resourceId) = Expected[file];

        parsed.Kind.Should().Be(kind);
        parsed.ConfigRuleName.Should().Be(ruleName);
        switch (kind)
        {
            case MessageKind.ConfigurationItemChange:
                parsed.ConfigurationItem!.ResourceType.Should().Be("AWS::EC2::Instance");
                parsed.ConfigurationItem.ResourceId.Should().Be(resourceId);
                parsed.ConfigurationItem.HasConfiguration.Should().BeTrue();
                parsed.ResultToken.Should().NotBeNullOrWhiteSpace();
                break;
            case MessageKind.OversizedConfigurationItemChange:
                parsed.ConfigurationItem.Should().BeNull();
                parsed.ConfigurationItemSummary!.ResourceType.Should().Be("AWS::EC2::Instance");
                parsed.ConfigurationItemSummary.ResourceId.Should().Be(resourceId);
                parsed.ConfigurationItemSummary.HasConfiguration.Should().BeFalse("an oversized notice carries only the summary");
                break;
            case MessageKind.Scheduled:
                parsed.ConfigurationItem.Should().BeNull();
                parsed.NotificationCreationTime.Should().NotBeNull("the ordering timestamp of periodic evaluations");
                break;
            case MessageKind.Ignored:
                parsed.MessageType.Should().Be("ConfigurationSnapshotDeliveryCompleted");
                parsed.ConfigurationItem.Should().BeNull();
                break;
        }
    }

    [Test]
    public void Docs_change_event_carries_its_rule_parameters_and_capture_time()
    {
        var parsed = ConfigRuleEventParser.Parse(ReferenceSamples.Bytes("events", "docs-change-triggered-ec2.json"));

        parsed.RuleParameters.Should().Equal(new Dictionary<string, string> { ["myParameterKey"] = "myParameterValue" });
        parsed.ConfigurationItem!.CaptureTime.Should().Be(new DateTimeOffset(2016, 2, 17, 1, 36, 34, 43, TimeSpan.Zero));
        parsed.ConfigurationItem.AwsAccountId.Should().Be("123456789012");
        parsed.ResultToken.Should().Be("myResultToken");
    }

    [Test]
    public void Scheduled_event_orders_by_its_notification_creation_time()
    {
        var parsed = ConfigRuleEventParser.Parse(ReferenceSamples.Bytes("events", "c7n-periodic-scheduled.json"));

        parsed.NotificationCreationTime.Should().Be(new DateTimeOffset(2020, 5, 3, 13, 55, 44, 576, TimeSpan.Zero));
        parsed.RuleParameters.Should().BeEmpty();
    }

    [Test]
    public void The_dotnet_sample_keeps_a_byte_order_mark_which_the_parser_tolerates()
    {
        // Lambda delivers JSON without a BOM, but RFC 8259 lets a parser ignore one; the kit's .NET sample has it.
        var bytes = ReferenceSamples.Bytes("events", "dotnet-snapshot-delivery-completed.json");
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble).Should().BeTrue("the sample is kept byte for byte");

        var withBom = ConfigRuleEventParser.Parse(bytes);
        var withoutBom = ConfigRuleEventParser.Parse(bytes.AsSpan(Encoding.UTF8.Preamble.Length));

        withBom.Should().BeEquivalentTo(withoutBom);
        withBom.Kind.Should().Be(MessageKind.Ignored);
    }

    [Test]
    public void The_api_gateway_invoking_event_wrapped_in_an_event_parses_to_its_rest_api()
    {
        var invokingEvent = File.ReadAllText(ReferenceSamples.Path("events", InvokingEventOnly));
        var parsed = ConfigRuleEventParser.Parse(ConfigRuleEventParserTests.Event(invokingEvent));

        parsed.Kind.Should().Be(MessageKind.ConfigurationItemChange);
        var item = parsed.ConfigurationItem!;
        item.ResourceType.Should().Be("AWS::ApiGateway::RestApi");
        item.ResourceId.Should().Be("some-resource-id");
        item.Status.Should().Be("ResourceDiscovered");
        item.Configuration.GetProperty("endpointConfiguration").GetProperty("types")[0].GetString().Should().Be("REGIONAL");
    }
}
