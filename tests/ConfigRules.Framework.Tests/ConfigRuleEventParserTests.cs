using System.Text;
using System.Text.Json;
using ConfigRules.Framework.Events;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public class ConfigRuleEventParserTests
{
    /// <summary>The result token <see cref="Event"/> writes unless told otherwise.</summary>
    internal const string ResultToken = "token-1";

    /// <summary>Builds a custom-rule event as Config sends it: invokingEvent and ruleParameters as JSON in strings.</summary>
    internal static byte[] Event(string invokingEvent, string? ruleParameters = "{}", bool eventLeftScope = false, string resultToken = ResultToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "1.0");
            writer.WriteString("invokingEvent", invokingEvent);
            if (ruleParameters is not null) writer.WriteString("ruleParameters", ruleParameters);
            writer.WriteString("resultToken", resultToken);
            writer.WriteBoolean("eventLeftScope", eventLeftScope);
            writer.WriteString("executionRoleArn", "arn:aws:iam::123456789012:role/config-role");
            writer.WriteString("configRuleArn", "arn:aws:config:eu-west-1:123456789012:config-rule/config-rule-abc");
            writer.WriteString("configRuleName", "test-max-memory");
            writer.WriteString("configRuleId", "config-rule-abc");
            writer.WriteString("accountId", "123456789012");
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    internal static string ChangeInvokingEvent(string item) =>
        $$"""{"configurationItemDiff":null,"configurationItem":{{item}},"notificationCreationTime":"2026-03-04T10:16:00.000Z","messageType":"ConfigurationItemChangeNotification","recordVersion":"1.3"}""";

    [Test]
    public void Change_notification_carries_the_item_and_the_parameters()
    {
        var evt = ConfigRuleEventParser.Parse(Event(ChangeInvokingEvent(ItemFixtures.EventShapeLambda), """{"maxMemory":"256","strict":true,"count":3}"""));

        evt.Kind.Should().Be(MessageKind.ConfigurationItemChange);
        evt.ResultToken.Should().Be("token-1");
        evt.ConfigRuleName.Should().Be("test-max-memory");
        evt.ConfigurationItem!.ResourceId.Should().Be("orders-fn");
        evt.NotificationCreationTime.Should().Be(new DateTimeOffset(2026, 3, 4, 10, 16, 0, TimeSpan.Zero));
        evt.RuleParameters.Should().BeEquivalentTo(new Dictionary<string, string> { ["maxMemory"] = "256", ["strict"] = "true", ["count"] = "3" });
    }

    [Test]
    public void Oversized_notification_carries_the_summary()
    {
        const string invoking = """{"configurationItemSummary":{"changeType":"UPDATE","configurationItemVersion":"1.3","configurationItemCaptureTime":"2026-03-04T10:15:30.123Z","configurationStateId":0,"awsAccountId":"123456789012","configurationItemStatus":"OK","resourceType":"AWS::Lambda::Function","resourceId":"big-fn","resourceName":null,"ARN":"arn:aws:lambda:eu-west-1:123456789012:function:big-fn","awsRegion":"eu-west-1"},"messageType":"OversizedConfigurationItemChangeNotification","notificationCreationTime":"2026-03-04T10:16:00.000Z","recordVersion":"1.0"}""";

        var evt = ConfigRuleEventParser.Parse(Event(invoking));

        evt.Kind.Should().Be(MessageKind.OversizedConfigurationItemChange);
        evt.ConfigurationItemSummary!.ResourceId.Should().Be("big-fn");
        evt.ConfigurationItemSummary.HasConfiguration.Should().BeFalse();
    }

    [Test]
    public void Scheduled_notification_has_its_creation_time()
    {
        var evt = ConfigRuleEventParser.Parse(Event("""{"awsAccountId":"123456789012","notificationCreationTime":"2026-03-04T12:00:00.000Z","messageType":"ScheduledNotification","recordVersion":"1.0"}"""));

        evt.Kind.Should().Be(MessageKind.Scheduled);
        evt.NotificationCreationTime.Should().Be(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void Snapshot_delivery_is_recognised_and_ignored()
    {
        var evt = ConfigRuleEventParser.Parse(Event("""{"messageType":"ConfigurationSnapshotDeliveryCompleted","notificationCreationTime":"2026-03-04T12:00:00.000Z"}""", resultToken: ""));

        evt.Kind.Should().Be(MessageKind.Ignored);
    }

    [Test]
    public void A_leading_utf8_byte_order_mark_is_skipped()
    {
        var plain = Event(ChangeInvokingEvent(ItemFixtures.EventShapeLambda));
        var withMark = Encoding.UTF8.Preamble.ToArray().Concat(plain).ToArray();

        var evt = ConfigRuleEventParser.Parse(withMark);

        var expected = ConfigRuleEventParser.Parse(plain);
        // JsonElement compares by reference, so the item is compared by its fields and raw configuration.
        evt.Should().BeEquivalentTo(expected, options => options.Excluding(e => e.ConfigurationItem));
        evt.ConfigurationItem!.ResourceType.Should().Be(expected.ConfigurationItem!.ResourceType);
        evt.ConfigurationItem.Configuration.GetRawText().Should().Be(expected.ConfigurationItem.Configuration.GetRawText());
        evt.ConfigurationItem.ResourceId.Should().Be("orders-fn");
    }

    [Test]
    public void A_byte_order_mark_inside_the_document_is_still_invalid_json()
    {
        var plain = Event(ChangeInvokingEvent(ItemFixtures.EventShapeLambda));
        var markAfterSpace = " "u8.ToArray().Concat(Encoding.UTF8.Preamble.ToArray()).Concat(plain).ToArray();

        var act = () => ConfigRuleEventParser.Parse(markAfterSpace);

        act.Should().Throw<InvalidEventException>().WithMessage("The event is not valid JSON*");
    }

    [Test]
    public void Escapes_in_the_invoking_event_string_are_read_exactly()
    {
        // Utf8JsonWriter escapes quotes, backslashes and non-ASCII text inside the invokingEvent string.
        const string name = "caf\u00e9 \"orders\" \\ \u65e5\u672c \ud83d\ude80";
        var encoded = JsonEncodedText.Encode(name, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        var item = $$$"""{"resourceType":"AWS::Lambda::Function","resourceId":"fn-1","resourceName":"{{{encoded}}}","configurationItemStatus":"OK","configuration":{"description":"{{{encoded}}}"}}""";

        var evt = ConfigRuleEventParser.Parse(Event(ChangeInvokingEvent(item)));

        evt.ConfigurationItem!.ResourceName.Should().Be(name);
        evt.ConfigurationItem.Configuration.GetProperty("description").GetString().Should().Be(evt.ConfigurationItem.ResourceName);
    }

    [TestCase("""{"invokingEvent":{"messageType":"ScheduledNotification"},"resultToken":"t"}""", "Expected a JSON string")]
    [TestCase("""{"invokingEvent":"  ","resultToken":"t"}""", "The event has no invokingEvent")]
    [TestCase("{}", "The event has no invokingEvent")]
    [TestCase("not json", "The event is not valid JSON")]
    [TestCase("""{"invokingEvent":"{oops","resultToken":"t"}""", "invokingEvent is not valid JSON")]
    [TestCase("""{"invokingEvent":"{\"messageType\":\"Surprise\"}","resultToken":"t"}""", "invokingEvent.messageType is 'Surprise': expected ConfigurationItemChangeNotification")]
    [TestCase("""{"invokingEvent":"{\"messageType\":\"ScheduledNotification\"}"}""", "no resultToken")]
    [TestCase("""{"invokingEvent":"{\"messageType\":\"ConfigurationItemChangeNotification\"}","resultToken":"t"}""", "invokingEvent.configurationItem is missing")]
    [TestCase("""{"invokingEvent":"{\"messageType\":\"ConfigurationItemChangeNotification\",\"configurationItem\":{\"resourceId\":\"x\"}}","resultToken":"t"}""", "has no resourceType")]
    [TestCase("""{"invokingEvent":"{\"messageType\":\"ScheduledNotification\",\"notificationCreationTime\":\"noon\"}","resultToken":"t"}""", "notificationCreationTime 'noon' is not an ISO-8601 timestamp")]
    public void Malformed_events_are_refused_with_what_is_wrong(string payload, string expected)
    {
        var act = () => ConfigRuleEventParser.Parse(Encoding.UTF8.GetBytes(payload));

        act.Should().Throw<InvalidEventException>().Which.Message.Should().Contain(expected);
    }

    [Test]
    public void Rule_parameters_that_are_not_an_object_are_an_event_error()
    {
        var act = () => ConfigRuleEventParser.Parse(Event(ChangeInvokingEvent(ItemFixtures.EventShapeLambda), "[1]"));

        act.Should().Throw<InvalidEventException>().WithMessage("*ruleParameters*");
    }
}
