using System.Text.Json;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class ComplianceNoticeMessageTests
{
    private const string Topic = ComplianceTransitionTests.Topic;

    private static async Task<SnsNotice> PublishAsync(ComplianceChangeEvents change)
    {
        var publisher = new RecordingNoticePublisher();
        await new ComplianceNotifierHandler(publisher, Topic, CatalogRuleMatcher.Default).HandleAsync(change.ToBytes(), CancellationToken.None);
        return publisher.Published.Should().ContainSingle().Subject;
    }

    [Test]
    public async Task Carries_the_contracts_seven_string_attributes_and_the_notice_kind_for_filter_policies()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { RuleName = "serverless-governance-lambda-timeout-check-abc123" });

        notice.TopicArn.Should().Be(Topic);
        notice.StringAttributes.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["notice"] = "NON_COMPLIANT",
            ["complianceType"] = "NON_COMPLIANT",
            ["configRuleName"] = "serverless-governance-lambda-timeout-check-abc123",
            ["resourceType"] = "AWS::Lambda::Function",
            ["resourceId"] = "orders-fn",
            ["awsAccountId"] = "123456789012",
            ["awsRegion"] = "us-east-1",
            ["severity"] = "medium",
        });
    }

    [Test]
    public async Task A_resolution_carries_the_new_compliance_type_and_an_unknown_rule_unknown_severity()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { RuleName = "cloudtrail-enabled", OldType = "NON_COMPLIANT", NewType = "COMPLIANT" });

        var attributes = notice.StringAttributes.ToDictionary(a => a.Key, a => a.Value);
        attributes["complianceType"].Should().Be("COMPLIANT");
        attributes["notice"].Should().Be("RESOLVED");
        attributes["severity"].Should().Be("unknown");
        notice.Subject.Should().Be("RESOLVED: cloudtrail-enabled on orders-fn (123456789012/us-east-1)");
    }

    [Test]
    public async Task Uses_message_structure_json_with_text_for_email_and_a_document_for_machines()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents());

        notice.MessageStructure.Should().Be("json");
        using var message = JsonDocument.Parse(notice.Message);
        var root = message.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("default", "email", "sqs", "lambda", "http", "https");
        root.EnumerateObject().Should().OnlyContain(p => p.Value.ValueKind == JsonValueKind.String, "SNS ignores protocol keys whose value is not a string");

        var text = root.GetProperty("email").GetString()!;
        root.GetProperty("default").GetString().Should().Be(text);
        text.Should().Contain("lambda-timeout-check (Lambda timeouts stay within the agreed range)")
            .And.Contain("Severity:       medium")
            .And.Contain("Resource type:  AWS::Lambda::Function")
            .And.Contain("Resource id:    orders-fn")
            .And.Contain("Account:        123456789012")
            .And.Contain("Region:         us-east-1")
            .And.Contain("Result:         NON_COMPLIANT (was COMPLIANT)")
            .And.Contain("Annotation:     Timeout 900 s exceeds the maximum of 300 s.")
            .And.Contain("When:           2026-03-04 10:15:30 UTC")
            .And.Contain("Set Timeout within the range")
            .And.Contain("rules/lambda-timeout-check/README.md")
            .And.Contain("https://us-east-1.console.aws.amazon.com/config/home?region=us-east-1#/rules/details?configRuleName=lambda-timeout-check");

        foreach (var protocol in new[] { "sqs", "lambda", "http", "https" })
        {
            using var document = JsonDocument.Parse(root.GetProperty(protocol).GetString()!);
            var d = document.RootElement;
            d.GetProperty("notice").GetString().Should().Be("NON_COMPLIANT");
            d.GetProperty("configRuleName").GetString().Should().Be("lambda-timeout-check");
            d.GetProperty("catalogRuleId").GetString().Should().Be("lambda-timeout-check");
            d.GetProperty("severity").GetString().Should().Be("medium");
            d.GetProperty("complianceType").GetString().Should().Be("NON_COMPLIANT");
            d.GetProperty("previousComplianceType").GetString().Should().Be("COMPLIANT");
            d.GetProperty("annotation").GetString().Should().Be("Timeout 900 s exceeds the maximum of 300 s.");
            d.GetProperty("annotationTruncated").GetBoolean().Should().BeFalse();
            d.GetProperty("resultRecordedTime").GetString().Should().Be("2026-03-04T10:15:30.125Z");
            d.GetProperty("consoleUrl").GetString().Should().StartWith("https://us-east-1.console.aws.amazon.com/config/home");
            d.GetProperty("remediation").GetString().Should().StartWith("Set Timeout within the range");
        }
    }

    [Test]
    public async Task A_first_result_says_so_and_keeps_previous_compliance_type_as_null()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { OldType = null });

        using var message = JsonDocument.Parse(notice.Message);
        message.RootElement.GetProperty("email").GetString().Should().Contain("NON_COMPLIANT (first result)");
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("previousComplianceType").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task A_resolution_has_no_how_to_fix_and_a_missing_annotation_reads_none()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { OldType = "NON_COMPLIANT", NewType = "NOT_APPLICABLE", Annotation = null });

        using var message = JsonDocument.Parse(notice.Message);
        var text = message.RootElement.GetProperty("email").GetString()!;
        text.Should().StartWith("AWS::Lambda::Function orders-fn is no longer NON_COMPLIANT with AWS Config rule lambda-timeout-check: it is now NOT_APPLICABLE.")
            .And.Contain("Annotation:     (none)")
            .And.NotContain("How to fix");
    }

    [Test]
    public async Task Line_breaks_in_event_values_do_not_break_the_text_layout()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { Annotation = "first line\nRegion: forged" });

        using var message = JsonDocument.Parse(notice.Message);
        message.RootElement.GetProperty("email").GetString().Should().Contain("Annotation:     first line Region: forged\n");
    }

    [Test]
    public async Task A_rule_name_with_reserved_characters_is_escaped_in_the_console_link()
    {
        var notice = await PublishAsync(new ComplianceChangeEvents { RuleName = "team a&b lambda-timeout-check" });

        using var message = JsonDocument.Parse(notice.Message);
        message.RootElement.GetProperty("email").GetString().Should().Contain("configRuleName=team%20a%26b%20lambda-timeout-check");
    }
}
