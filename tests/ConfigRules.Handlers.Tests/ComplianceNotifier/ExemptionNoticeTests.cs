using System.Text.Json;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

/// <summary>A finding that an exemption now covers is announced as exempted (until when, by whom, why), not as resolved.</summary>
public class ExemptionNoticeTests
{
    private const string Topic = ComplianceTransitionTests.Topic;

    // Written by the framework's own formatter, so that these tests read what rule functions really post.
    private static readonly string ExemptAnnotation = ExemptionAnnotation.ForExemption(new ExemptionEntry
    {
        Number = 1,
        Line = 2,
        Rule = "lambda-timeout-check",
        ResourceId = "orders-*",
        Reason = "Batch import needs 15 minutes until the queue redesign ships.",
        Owner = "payments-team",
        Ticket = "GOV-142",
        Expires = new DateOnly(2027, 3, 31),
    });

    private static ComplianceChangeEvents Exempted => new() { OldType = "NON_COMPLIANT", NewType = "NOT_APPLICABLE", Annotation = ExemptAnnotation };

    private static async Task<(SnsNotice Notice, NotifierResult Result)> PublishAsync(ComplianceChangeEvents change)
    {
        var publisher = new RecordingNoticePublisher();
        var result = await new ComplianceNotifierHandler(publisher, Topic, CatalogRuleMatcher.Default).HandleAsync(change.ToBytes(), CancellationToken.None);
        return (publisher.Published.Should().ContainSingle().Subject, result);
    }

    [Test]
    public async Task Subject_attributes_and_result_say_exempted_while_compliance_type_stays_the_real_one()
    {
        var (notice, result) = await PublishAsync(Exempted);

        notice.Subject.Should().Be("EXEMPTED: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
        var attributes = notice.StringAttributes.ToDictionary(a => a.Key, a => a.Value);
        attributes["notice"].Should().Be("EXEMPTED");
        attributes["complianceType"].Should().Be("NOT_APPLICABLE");
        attributes.Keys.Should().BeEquivalentTo("notice", "complianceType", "configRuleName", "resourceType", "resourceId", "awsAccountId", "awsRegion", "severity");
        result.Notice.Should().Be("EXEMPTED");
    }

    [Test]
    public async Task The_text_says_until_when_by_whom_and_why_instead_of_resolved()
    {
        var (notice, _) = await PublishAsync(Exempted);

        using var message = JsonDocument.Parse(notice.Message);
        var text = message.RootElement.GetProperty("email").GetString()!;
        text.Should().StartWith("AWS::Lambda::Function orders-fn was exempted from AWS Config rule lambda-timeout-check until 2027-03-31 by payments-team: the finding is accepted, not fixed, and it is now NOT_APPLICABLE.")
            .And.Contain("Result:         NOT_APPLICABLE (was NON_COMPLIANT)")
            .And.Contain("Exempt until:   2027-03-31 (UTC, inclusive)")
            .And.Contain("Exempted by:    payments-team")
            .And.Contain("Ticket:         GOV-142")
            .And.Contain("Reason:         Batch import needs 15 minutes until the queue redesign ships.")
            .And.NotContain("no longer NON_COMPLIANT")
            .And.NotContain("How to fix");
    }

    [Test]
    public async Task The_json_document_carries_the_exemption()
    {
        var (notice, _) = await PublishAsync(Exempted);

        using var message = JsonDocument.Parse(notice.Message);
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        var root = document.RootElement;
        root.GetProperty("notice").GetString().Should().Be("EXEMPTED");
        root.GetProperty("complianceType").GetString().Should().Be("NOT_APPLICABLE");
        root.GetProperty("previousComplianceType").GetString().Should().Be("NON_COMPLIANT");
        root.GetProperty("annotation").GetString().Should().Be(ExemptAnnotation);
        var exemption = root.GetProperty("exemption");
        exemption.GetProperty("expires").GetString().Should().Be("2027-03-31");
        exemption.GetProperty("owner").GetString().Should().Be("payments-team");
        exemption.GetProperty("ticket").GetString().Should().Be("GOV-142");
        exemption.GetProperty("reason").GetString().Should().Be("Batch import needs 15 minutes until the queue redesign ships.");
    }

    [Test]
    public async Task A_resolution_has_a_null_exemption_so_the_document_keeps_its_shape()
    {
        var (notice, _) = await PublishAsync(new ComplianceChangeEvents { OldType = "NON_COMPLIANT", NewType = "NOT_APPLICABLE", Annotation = "The resource was deleted." });

        notice.Subject.Should().StartWith("RESOLVED: ");
        using var message = JsonDocument.Parse(notice.Message);
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("exemption").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [TestCase("NON_COMPLIANT", "NOT_APPLICABLE", "Exempt until 2027-03-31 (ops): why", NoticeKind.Exemption)]
    [TestCase("NON_COMPLIANT", "NOT_APPLICABLE", "Exempt until 2027-03-31", NoticeKind.Exemption)]
    [TestCase("NON_COMPLIANT", "NOT_APPLICABLE", "The resource was deleted.", NoticeKind.Resolution)]
    [TestCase("NON_COMPLIANT", "NOT_APPLICABLE", null, NoticeKind.Resolution)]
    [TestCase("NON_COMPLIANT", "COMPLIANT", "Exempt until 2027-03-31 (ops): why", NoticeKind.Resolution)]
    [TestCase("COMPLIANT", "NOT_APPLICABLE", "Exempt until 2027-03-31 (ops): why", NoticeKind.None)]
    [TestCase(null, "NOT_APPLICABLE", "Exempt until 2027-03-31 (ops): why", NoticeKind.None)]
    [TestCase("NOT_APPLICABLE", "NON_COMPLIANT", "Exemption expired on 2027-03-31. Timeout 900 s exceeds the maximum of 300 s.", NoticeKind.Violation)]
    public void Only_a_move_from_non_compliant_to_an_exemption_is_an_exemption(string? old, string next, string? annotation, NoticeKind expected)
    {
        ComplianceType? oldType = old is null ? null : Parse(old);

        ComplianceTransition.Classify(oldType, Parse(next), annotation).Should().Be(expected);
    }

    [Test]
    public async Task Without_a_ticket_the_notice_says_none()
    {
        var (notice, _) = await PublishAsync(Exempted with { Annotation = "Exempt until 2027-03-31 (payments-team): Accepted risk." });

        using var message = JsonDocument.Parse(notice.Message);
        message.RootElement.GetProperty("email").GetString().Should().Contain("Ticket:         (none)");
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("exemption").GetProperty("ticket").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public void An_oversized_exemption_annotation_is_cut_reason_included_so_the_publish_still_fits()
    {
        var change = ComplianceChangeParser.Parse((Exempted with { Annotation = "Exempt until 2027-03-31 (ops): " + new string('r', 300_000) }).ToBytes());
        var notice = ComplianceNotice.For(ComplianceTransition.Classify(change.OldComplianceType, change.NewComplianceType, change.Annotation), change, CatalogRuleMatcher.Default);

        var sns = SnsMessageComposer.Compose(notice, Topic);

        sns.SizeInBytes.Should().BeLessThanOrEqualTo(SnsMessageComposer.MaxBytes);
        using var message = JsonDocument.Parse(sns.Message);
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("notice").GetString().Should().Be("EXEMPTED");
        document.RootElement.GetProperty("exemption").GetProperty("reason").GetString().Should().NotBeEmpty().And.MatchRegex("^r+$");
    }

    private static ComplianceType Parse(string wire) =>
        ComplianceTypeNames.TryParse(wire, out var type) ? type : throw new ArgumentException(wire);
}
