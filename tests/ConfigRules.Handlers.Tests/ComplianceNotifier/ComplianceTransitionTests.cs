using ConfigRules.Framework.Model;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class ComplianceTransitionTests
{
    private static readonly string?[] OldTypes = [null, "COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"];
    private static readonly string[] NewTypes = ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"];

    public static IEnumerable<TestCaseData> EveryTransition() =>
        from old in OldTypes
        from next in NewTypes
        select new TestCaseData(old, next, Expected(old, next)).SetArgDisplayNames(old ?? "(first)", next);

    // Written out rather than computed with the classifier's own logic: into NON_COMPLIANT is a violation,
    // out of it a resolution, anything else nothing.
    private static NoticeKind Expected(string? old, string next) => (old, next) switch
    {
        ("NON_COMPLIANT", "NON_COMPLIANT") => NoticeKind.None,
        (_, "NON_COMPLIANT") => NoticeKind.Violation,
        ("NON_COMPLIANT", _) => NoticeKind.Resolution,
        _ => NoticeKind.None,
    };

    [TestCaseSource(nameof(EveryTransition))]
    public void Classifies_every_old_and_new_combination(string? old, string next, NoticeKind expected)
    {
        ComplianceType? oldType = old is null ? null : Parse(old);
        ComplianceTransition.Classify(oldType, Parse(next)).Should().Be(expected);
    }

    [TestCaseSource(nameof(EveryTransition))]
    public async Task The_handler_publishes_exactly_for_crossings(string? old, string next, NoticeKind expected)
    {
        var publisher = new RecordingNoticePublisher();
        var handler = new ComplianceNotifierHandler(publisher, Topic, CatalogRuleMatcher.Default);

        var result = await handler.HandleAsync(new ComplianceChangeEvents { OldType = old, NewType = next }.ToBytes(), CancellationToken.None);

        publisher.Published.Should().HaveCount(expected == NoticeKind.None ? 0 : 1);
        result.Published.Should().Be(expected != NoticeKind.None);
        if (expected != NoticeKind.None)
        {
            publisher.Published[0].Subject.Should().StartWith(expected == NoticeKind.Violation ? "NON_COMPLIANT: " : "RESOLVED: ");
            result.MessageId.Should().Be("message-1");
        }
        else
        {
            result.Reason.Should().Contain("does not cross NON_COMPLIANT");
        }
    }

    [Test]
    public async Task A_new_annotation_on_a_result_that_stays_non_compliant_is_not_news()
    {
        var publisher = new RecordingNoticePublisher();
        var handler = new ComplianceNotifierHandler(publisher, Topic, CatalogRuleMatcher.Default);
        var change = new ComplianceChangeEvents { OldType = "NON_COMPLIANT", NewType = "NON_COMPLIANT", Annotation = "Timeout 600 s exceeds the maximum of 300 s." };

        var result = await handler.HandleAsync(change.ToBytes(), CancellationToken.None);

        result.Published.Should().BeFalse();
        publisher.Published.Should().BeEmpty();
    }

    internal const string Topic = "arn:aws:sns:us-east-1:123456789012:config-rules-notices";

    private static ComplianceType Parse(string wire) =>
        ComplianceTypeNames.TryParse(wire, out var type) ? type : throw new ArgumentException(wire);
}
