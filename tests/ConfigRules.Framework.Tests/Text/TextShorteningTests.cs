using ConfigRules.Framework.Text;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Text;

public sealed class TextShorteningTests
{
    [TestCase("short", 10, "short")]
    [TestCase("exactly-10", 10, "exactly-10")]
    [TestCase("eleven-char", 10, "eleven-...")]
    [TestCase("abcdef", 3, "abc")]
    [TestCase("abcdef", 0, "")]
    public void Shorten_keeps_the_start_and_marks_the_cut(string text, int max, string expected) =>
        TextShortening.Shorten(text, max).Should().Be(expected);

    [Test]
    public void Shorten_never_exceeds_the_limit_and_keeps_what_fits() =>
        Gen.Select(Gen.String, Gen.Int[0, 80]).Sample((text, max) =>
        {
            var shortened = TextShortening.Shorten(text, max);
            shortened.Length.Should().BeLessThanOrEqualTo(max);
            if (text.Length <= max) shortened.Should().Be(text);
            else if (max > TextShortening.Marker.Length) shortened.Should().EndWith(TextShortening.Marker);
        });

    [Test]
    public void Shorten_does_not_split_a_surrogate_pair() =>
        TextShortening.Shorten("ab\U0001F600cdef", 6).Should().Be("ab...");

    [Test]
    public void ShortenMiddle_keeps_the_start_and_the_end()
    {
        var arn = "arn:aws:iam::123456789012:role/" + new string('p', 100) + "/the-role-name";
        var shortened = TextShortening.ShortenMiddle(arn, 80);
        shortened.Should().HaveLength(80).And.StartWith(arn[..40] + "...").And.EndWith("/the-role-name");
        TextShortening.ShortenMiddle("short", 80).Should().Be("short");
    }

    [Test]
    public void QuotedList_quotes_and_shortens_each_value() =>
        TextShortening.QuotedList(["a", new string('x', 50)], 10).Should().Be("'a', 'xxxxxxx...'");
}
