using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Testing;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

/// <summary>The parser against AWS's own documented compliance-change notification (the reference kit).</summary>
[Category(ReferenceKit.Category)]
public class ReferenceSampleTests
{
    [Test]
    public void The_documented_compliance_change_notification_reads_as_a_resolution()
    {
        var path = ReferenceKit.Require("testdata", "config-samples", "notifications", "docs-sns-compliance-change-notification.json");
        // The SNS sample carries Config's notification in Message; EventBridge carries the same object in detail.
        var sample = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var envelope = new JsonObject
        {
            ["detail-type"] = ComplianceChangeParser.DetailType,
            ["source"] = "aws.config",
            ["detail"] = sample["Message"]!.DeepClone(),
        };

        var change = ComplianceChangeParser.Parse(Encoding.UTF8.GetBytes(envelope.ToJsonString()));

        change.ConfigRuleName.Should().Be("cloudtrail-enabled");
        change.ResourceType.Should().Be("AWS::::Account");
        change.AwsRegion.Should().Be("us-east-2");
        change.OldComplianceType.Should().Be(ComplianceType.NonCompliant);
        change.NewComplianceType.Should().Be(ComplianceType.Compliant);
        change.Annotation.Should().BeNull();
        ComplianceTransition.Classify(change.OldComplianceType, change.NewComplianceType).Should().Be(NoticeKind.Resolution);
    }
}
