using ConfigRules.Templates.Yaml;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Templates.Tests;

/// <summary>Whatever the writer writes, a YAML reader reads back as the same data.</summary>
public class YamlWriterTests
{
    private static string RoundTrip(string value)
    {
        var text = YamlWriter.Write(new YamlMap().Add("Value", value).Add("InList", new YamlSequence(new YamlTagged("!Sub", new YamlScalar(value)), value)));
        var parsed = CfnYaml.Parse(text);
        parsed.List("InList")[1].Should().Be(value, $"inside a sequence, written as:\n{text}");
        parsed.List("InList")[0].Str("Fn::Sub").Should().Be(value);
        return parsed.Str("Value")!;
    }

    [TestCase("true")]
    [TestCase("No")]
    [TestCase("null")]
    [TestCase("~")]
    [TestCase("0")]
    [TestCase("2010-09-09")]
    [TestCase("0x1F")]
    [TestCase("1e3")]
    [TestCase("")]
    [TestCase(" leading space")]
    [TestCase("trailing: ")]
    [TestCase("key: value")]
    [TestCase("a # not a comment")]
    [TestCase("*")]
    [TestCase("&anchor")]
    [TestCase("!Ref x")]
    [TestCase("- item")]
    [TestCase("{{ RestApiId }}")]
    [TestCase("[a, b]")]
    [TestCase("quote \" and \\ backslash")]
    [TestCase("line\nbreak\ttab")]
    [TestCase("arn:${AWS::Partition}:logs:*")]
    [TestCase("Ünïcödé ✓")]
    public void Scalars_read_back_unchanged(string value) => RoundTrip(value).Should().Be(value);

    [Test]
    public void Any_string_reads_back_unchanged() =>
        Gen.String[Gen.Char[' ', '~'], 0, 40].Sample(value => RoundTrip(value) == value);

    [Test]
    public void Literal_blocks_keep_text_byte_for_byte()
    {
        foreach (var text in new[] { "a: 1\n  b: [x]\n\n# c\n", "no newline", "two\n\n" })
        {
            var written = YamlWriter.Write(new YamlMap().Add("Body", new YamlLiteral(text)));
            CfnYaml.Parse(written).Str("Body").Should().Be(text);
        }
    }

    [Test]
    public void Comments_and_short_form_tags_are_written_where_cloudformation_reads_them()
    {
        var text = YamlWriter.Write(new YamlMap()
            .Add("Resource", "*", "Why: an API that needs it.")
            .Add("Arn", Yaml.Cfn.GetAtt("Fn", "Arn"))
            .Add("Maybe", Yaml.Cfn.If("HasX", Yaml.Cfn.Ref("X"), Yaml.Cfn.NoValue)), "header");
        text.Should().StartWith("# header\n").And.Contain("# Why: an API that needs it.\nResource: \"*\"\n").And.Contain("Arn: !GetAtt Fn.Arn\n");
        var parsed = CfnYaml.Parse(text);
        parsed.Map("Maybe").List("Fn::If").Should().BeEquivalentTo(new List<object?> { "HasX", Cfn.Ref("X"), Cfn.Ref("AWS::NoValue") });
    }

    [Test]
    public void Duplicate_keys_are_refused()
    {
        var act = () => new YamlMap().Add("A", "1").Add("A", "2");
        act.Should().Throw<InvalidOperationException>().WithMessage("*Duplicate key 'A'*");
    }
}
