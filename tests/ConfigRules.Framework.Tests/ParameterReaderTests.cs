using ConfigRules.Framework.Events;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

public class ParameterReaderTests
{
    private static readonly MaxMemoryRule Rule = new();

    private static MaxMemoryRule.Settings Parse(params (string Name, string Value)[] values) =>
        Rule.ParseParameters(values.ToDictionary(v => v.Name, v => v.Value));

    [Test]
    public void Defaults_apply_when_parameters_are_absent_or_empty()
    {
        Parse().Should().Be(new MaxMemoryRule.Settings(128, 1024, false));
        Parse(("maxMemory", ""), ("strict", "  ")).Should().Be(new MaxMemoryRule.Settings(128, 1024, false));
    }

    [Test]
    public void Values_are_trimmed_and_doubles_with_no_fraction_accepted()
    {
        Parse(("maxMemory", " 2048.0 "), ("strict", "TRUE")).Should().Be(new MaxMemoryRule.Settings(128, 2048, true));
    }

    [TestCase("maxMemory", "lots", "parameter 'maxMemory' value 'lots' is not valid; expected a whole number from 128 to 10240")]
    [TestCase("maxMemory", "64", "expected a whole number from 128 to 10240")]
    [TestCase("strict", "yes", "parameter 'strict' value 'yes' is not valid; expected true or false")]
    [TestCase("pattern", "([a-z", "parameter 'pattern' value '([a-z' is not a valid regular expression")]
    [TestCase("colour", "blue", "unknown parameter 'colour' (accepted: minMemory, maxMemory, strict, names, pattern)")]
    public void Each_problem_names_the_parameter_and_what_it_accepts(string name, string value, string expected)
    {
        var act = () => Parse((name, value));

        act.Should().Throw<InvalidParameterValueException>()
            .Which.Message.Should().Contain(expected).And.StartWith("Invalid parameter for test-max-memory:");
    }

    [Test]
    public void Every_problem_is_reported_in_one_message()
    {
        var act = () => Parse(("minMemory", "4096"), ("maxMemory", "2048"), ("strict", "maybe"), ("colour", "blue"));

        var error = act.Should().Throw<InvalidParameterValueException>().Which;
        error.ErrorType.Should().Be("InvalidParameterValueException");
        error.Problems.Should().HaveCount(3);
        error.Message.Should().Contain("(1) unknown parameter 'colour'")
            .And.Contain("'strict' value 'maybe'")
            .And.Contain("minMemory 4096 is above maxMemory 2048");
    }

    [Test]
    public void Oversized_values_and_patterns_are_refused_before_use()
    {
        var act = () => Parse(("pattern", new string('a', 600)));
        act.Should().Throw<InvalidParameterValueException>().WithMessage("*at most 512 are accepted*");

        var huge = () => Parse(("names", new string('b', 5000)));
        huge.Should().Throw<InvalidParameterValueException>().WithMessage("*5000 characters long; at most 2048*");
    }

    [Test]
    public void Lists_are_comma_separated_trimmed_and_without_empty_entries()
    {
        var reader = new Parameters.ParameterReader(MaxMemoryRule.Data, new Dictionary<string, string> { ["names"] = " a, b ,,c ," });

        reader.GetList("names").Should().Equal("a", "b", "c");
    }

    [Test]
    public void Patterns_match_the_whole_value_with_a_timeout()
    {
        var reader = new Parameters.ParameterReader(MaxMemoryRule.Data, new Dictionary<string, string> { ["pattern"] = "app|main" });

        var regex = reader.GetFullMatchRegex("pattern")!;

        regex.IsMatch("app").Should().BeTrue();
        regex.IsMatch("application").Should().BeFalse();
        regex.MatchTimeout.Should().Be(Parameters.ParameterReader.MatchTimeout);
    }
}
