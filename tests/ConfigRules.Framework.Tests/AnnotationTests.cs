using ConfigRules.Framework.Evaluation;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public class AnnotationTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("   \n ")]
    public void Nothing_to_say_gives_no_annotation(string? text) => Annotation.Fit(text).Should().BeNull();

    [Test]
    public void Short_annotations_are_kept_with_whitespace_tidied()
    {
        Annotation.Fit("  Timeout 900 s exceeds\n the maximum   of 300 s.  ").Should().Be("Timeout 900 s exceeds the maximum of 300 s.");
    }

    [Test]
    public void Exactly_256_characters_is_kept_whole()
    {
        var text = new string('a', 256);
        Annotation.Fit(text).Should().Be(text);
    }

    [Test]
    public void Long_annotations_are_cut_at_a_word_with_an_ellipsis()
    {
        var words = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));

        var fitted = Annotation.Fit(words)!;

        fitted.Length.Should().BeLessThanOrEqualTo(Annotation.MaxLength);
        fitted.Should().EndWith("\u2026");
        var kept = fitted.TrimEnd('\u2026');
        words.Should().StartWith(kept);
        words[kept.Length].Should().Be(' ', "the cut falls between words");
    }

    [Test]
    public void A_single_long_word_is_cut_hard_rather_than_dropped()
    {
        var fitted = Annotation.Fit(new string('x', 1000))!;

        fitted.Length.Should().Be(Annotation.MaxLength);
        fitted.Should().EndWith("\u2026");
    }
}
