using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaRuntime;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaRuntime;

public class LambdaRuntimeCheckParameterTests
{
    private readonly LambdaRuntimeCheck _rule = new();

    [Test]
    public void Defaults_allow_every_runtime_and_have_no_window()
    {
        var parameters = _rule.ParseParameters(Params());
        parameters.AllowedRuntimes.Should().BeEmpty();
        parameters.DeprecationWindowDays.Should().Be(0);
    }

    [Test]
    public void Lists_are_trimmed_and_deduplicated()
    {
        var parameters = _rule.ParseParameters(Params(("allowedRuntimes", " python3.13, nodejs22.x ,,python3.13,nodejs4.3-edge"), ("deprecationWindowDays", "90.0")));
        parameters.AllowedRuntimes.Should().Equal("python3.13", "nodejs22.x", "nodejs4.3-edge");
        parameters.DeprecationWindowDays.Should().Be(90);
    }

    [TestCase("allowedRuntimes", "Python3.13", "'Python3.13'")]
    [TestCase("allowedRuntimes", "python3.13;nodejs22.x", "'python3.13;nodejs22.x'")]
    [TestCase("allowedRuntimes", "python 3.13", "'python 3.13'")]
    [TestCase("deprecationWindowDays", "-1", "'deprecationWindowDays' value '-1'")]
    [TestCase("deprecationWindowDays", "soon", "a whole number from 0 to 3650")]
    [TestCase("deprecationWindowDays", "3651", "a whole number from 0 to 3650")]
    [TestCase("allowedRuntime", "python3.13", "unknown parameter 'allowedRuntime'")]
    public void A_bad_parameter_is_named_with_what_it_accepts(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>()
            .Where(e => e.ErrorType == "InvalidParameterValueException")
            .WithMessage($"Invalid parameter for lambda-runtime-check: *{expected}*");
    }

    [Test]
    public void Several_problems_are_reported_in_one_message()
    {
        var parse = () => _rule.ParseParameters(Params(("allowedRuntimes", "Python3.13,python3.14,node js"), ("deprecationWindowDays", "-5")));
        var error = parse.Should().Throw<InvalidParameterValueException>().Which;
        error.Problems.Should().HaveCount(2);
        error.Message.Should().Contain("2 entries that are not a Lambda runtime identifier: 'Python3.13', 'node js'")
            .And.Contain("'deprecationWindowDays' value '-5'")
            .And.Contain("lowercase identifiers such as python3.13");
    }

    /// <summary>Every table runtime, deprecated or about to be, with a long allowed list: the rule's own text stays within 256.</summary>
    [Test]
    public async Task Annotations_stay_within_256_characters_for_every_runtime_in_the_table()
    {
        var longList = string.Join(",", RuntimeTable.Embedded.Entries.Select(e => e.Identifier).Where(id => id.StartsWith("java", StringComparison.Ordinal)));
        foreach (var entry in RuntimeTable.Embedded.Entries)
        {
            var item = ConfigurationItemBuilder.LambdaFunction().With("runtime", entry.Identifier).Build();
            foreach (var (now, window) in new[] { (new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), "0"), (new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero), "3650") })
            {
                var verdict = await HarnessFor(_rule, now: now).JudgeAsync(item, Params(("allowedRuntimes", longList), ("deprecationWindowDays", window)));
                verdict.Annotation.Should().NotBeNullOrWhiteSpace();
                verdict.Annotation!.Length.Should().BeLessThanOrEqualTo(Annotation.MaxLength, verdict.Annotation);
            }
        }
        var unknown = await HarnessFor(_rule).JudgeAsync(ConfigurationItemBuilder.LambdaFunction().With("runtime", "python3.99").Build(), Params(("allowedRuntimes", longList)));
        unknown.Annotation!.Length.Should().BeLessThanOrEqualTo(Annotation.MaxLength, unknown.Annotation);
        unknown.Annotation.Should().Contain("more");
    }

    [Test]
    public void The_rule_is_in_the_catalog_with_its_definition()
    {
        var rule = RuleCatalog.Find("lambda-runtime-check");
        rule.Should().BeOfType<LambdaRuntimeCheck>();
        rule!.Definition.Should().BeSameAs(LambdaRuntimeCheckDefinition.Value);
        rule.Definition.Triggers.Should().Be(RuleTriggers.Both);
    }
}
