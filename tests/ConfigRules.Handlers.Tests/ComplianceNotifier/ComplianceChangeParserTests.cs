using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class ComplianceChangeParserTests
{
    [Test]
    public void Reads_every_field_of_the_documented_event()
    {
        var change = ComplianceChangeParser.Parse(new ComplianceChangeEvents().ToBytes());

        change.Should().BeEquivalentTo(new ComplianceChange
        {
            ConfigRuleName = "lambda-timeout-check",
            ConfigRuleArn = "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-q8ftgc",
            ResourceType = "AWS::Lambda::Function",
            ResourceId = "orders-fn",
            AwsAccountId = "123456789012",
            AwsRegion = "us-east-1",
            NewComplianceType = ComplianceType.NonCompliant,
            OldComplianceType = ComplianceType.Compliant,
            Annotation = "Timeout 900 s exceeds the maximum of 300 s.",
            RecordedAt = new DateTimeOffset(2026, 3, 4, 10, 15, 30, 125, TimeSpan.Zero),
        });
    }

    [Test]
    public void A_first_result_has_no_old_type()
    {
        ComplianceChangeParser.Parse(new ComplianceChangeEvents { OldType = null }.ToBytes()).OldComplianceType.Should().BeNull();
    }

    [Test]
    public void Falls_back_to_the_qualifier_and_the_envelope_for_missing_top_level_fields()
    {
        var json = new ComplianceChangeEvents().ToJson();
        var detail = json["detail"]!.AsObject();
        detail.Remove("resourceId");
        detail.Remove("awsAccountId");
        detail.Remove("awsRegion");
        detail["newEvaluationResult"]!.AsObject().Remove("resultRecordedTime");

        var change = ComplianceChangeParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));

        change.ResourceId.Should().Be("orders-fn");
        change.AwsAccountId.Should().Be("123456789012");
        change.AwsRegion.Should().Be("us-east-1");
        change.RecordedAt.Should().Be(new DateTimeOffset(2026, 3, 4, 10, 15, 31, 500, TimeSpan.Zero), "notificationCreationTime stands in");
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        yield return Case("not json", "{", "not valid JSON");
        yield return Case("another detail-type", Mutate(j => j["detail-type"] = "Config Configuration Item Change"), "detail-type is \"Config Configuration Item Change\"");
        yield return Case("no detail", Mutate(j => j.Remove("detail")), "has no detail");
        yield return Case("another message type", Mutate(j => j["detail"]!["messageType"] = "ConfigurationItemChangeNotification"), "detail.messageType");
        yield return Case("no new result", Mutate(j => j["detail"]!.AsObject().Remove("newEvaluationResult")), "detail.newEvaluationResult is missing");
        yield return Case("unknown compliance type", Mutate(j => j["detail"]!["newEvaluationResult"]!["complianceType"] = "FAILED"), "complianceType is \"FAILED\": expected COMPLIANT, NON_COMPLIANT");
        yield return Case("no rule name", Mutate(j =>
        {
            j["detail"]!.AsObject().Remove("configRuleName");
            j["detail"]!["newEvaluationResult"]!["evaluationResultIdentifier"]!["evaluationResultQualifier"]!.AsObject().Remove("configRuleName");
        }), "detail.configRuleName is missing");
        yield return Case("bad timestamp", Mutate(j => j["detail"]!["newEvaluationResult"]!["resultRecordedTime"] = "yesterday"), "expected an ISO-8601 timestamp");
        yield return Case("oversized id", Mutate(j => j["detail"]!["resourceId"] = new string('x', 5000)), "expected at most 2048");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Malformed_events_fail_with_InvalidEventException_naming_the_problem(string json, string expectedMessagePart)
    {
        var act = () => ComplianceChangeParser.Parse(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<InvalidEventException>()
            .Where(e => e.ErrorType == "InvalidEventException")
            .Which.Message.Should().Contain(expectedMessagePart);
    }

    private static TestCaseData Case(string name, string json, string message) => new TestCaseData(json, message).SetArgDisplayNames(name);

    private static string Mutate(Action<JsonObject> change)
    {
        var json = new ComplianceChangeEvents().ToJson();
        change(json);
        return json.ToJsonString();
    }
}
