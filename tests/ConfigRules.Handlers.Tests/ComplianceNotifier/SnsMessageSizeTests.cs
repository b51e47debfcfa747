using System.Text;
using System.Text.Json;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.Tests.Fakes;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class SnsMessageSizeTests
{
    private static ComplianceNotice Notice(string annotation) => ComplianceNotice.For(
        NoticeKind.Violation,
        ComplianceChangeParser.Parse(new ComplianceChangeEvents { Annotation = annotation }.ToBytes()),
        CatalogRuleMatcher.Default);

    [TestCase("a")]
    [TestCase("\u00e9")]          // two bytes in UTF-8
    [TestCase("\"")]              // escaped twice: in the document, then in the message
    [TestCase("\U0001F600")]      // a surrogate pair: never split
    [TestCase("<&>")]             // escaped by the JSON writer
    public void A_huge_annotation_is_cut_so_the_whole_publish_fits_and_stays_valid_json(string unit)
    {
        var annotation = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length));

        var sns = SnsMessageComposer.Compose(Notice(annotation), ComplianceTransitionTests.Topic);

        sns.SizeInBytes.Should().BeLessThanOrEqualTo(SnsMessageComposer.MaxBytes);
        sns.SizeInBytes.Should().BeGreaterThan(SnsMessageComposer.MaxBytes - 2_000, "the cut keeps as much annotation as fits");
        using var message = JsonDocument.Parse(sns.Message);
        var text = message.RootElement.GetProperty("email").GetString()!;
        text.Should().Contain("[cut to fit the SNS size limit]");
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("sqs").GetString()!);
        document.RootElement.GetProperty("annotationTruncated").GetBoolean().Should().BeTrue();
        var kept = document.RootElement.GetProperty("annotation").GetString()!;
        kept.Should().NotBeEmpty();
        annotation.Should().StartWith(kept);
        Encoding.UTF8.GetByteCount(sns.Message).Should().Be(Encoding.UTF8.GetBytes(sns.Message).Length);
        char.IsHighSurrogate(kept[^1]).Should().BeFalse();
    }

    [Test]
    public void An_annotation_that_fits_is_kept_whole()
    {
        var annotation = new string('z', 20_000);

        var sns = SnsMessageComposer.Compose(Notice(annotation), ComplianceTransitionTests.Topic);

        using var message = JsonDocument.Parse(sns.Message);
        using var document = JsonDocument.Parse(message.RootElement.GetProperty("lambda").GetString()!);
        document.RootElement.GetProperty("annotation").GetString().Should().Be(annotation);
        document.RootElement.GetProperty("annotationTruncated").GetBoolean().Should().BeFalse();
    }

    [Test]
    public void The_size_counts_the_message_and_every_attribute()
    {
        var sns = SnsMessageComposer.Compose(Notice("short"), ComplianceTransitionTests.Topic);

        var expected = Encoding.UTF8.GetByteCount(sns.Message) +
                       sns.StringAttributes.Sum(a => a.Key.Length + "String".Length + Encoding.UTF8.GetByteCount(a.Value));
        sns.SizeInBytes.Should().Be(expected);
    }

    [Test]
    public void A_smaller_budget_cuts_harder_and_still_fits()
    {
        var sns = SnsMessageComposer.Compose(Notice(new string('q', 50_000)), ComplianceTransitionTests.Topic, maxBytes: 20_000);

        sns.SizeInBytes.Should().BeInRange(19_000, 20_000);
    }

    [Test]
    public void A_budget_too_small_for_the_fixed_fields_fails_instead_of_sending_a_broken_notice()
    {
        var act = () => SnsMessageComposer.Compose(Notice("anything"), ComplianceTransitionTests.Topic, maxBytes: 500);

        act.Should().Throw<InvalidOperationException>().WithMessage("*over the 500-byte budget*");
    }
}
