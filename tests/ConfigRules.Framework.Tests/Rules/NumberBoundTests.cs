using System.Text.Json;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Rules;

/// <summary>
/// A rule made only of a <see cref="NumberBound"/>: it refuses a definition that does not declare the bound's
/// parameters, words each side of the range (and a range open on one side), judges a number below, above and
/// within it, has nothing to judge without a whole number, and reports bad parameters together.
/// </summary>
[TestFixture]
public sealed class NumberBoundTests
{
    private static readonly ParameterDefinition MinTimeout = new("minTimeout", ParameterKind.Integer, "3", "Smallest timeout, seconds.", Minimum: 1, Maximum: 900);
    private static readonly ParameterDefinition MaxTimeout = new("maxTimeout", ParameterKind.Integer, "300", "Largest timeout, seconds.", Minimum: 1, Maximum: 900);

    private static readonly NumberBound Timeout = new()
    {
        Field = "timeout",
        Label = "Timeout",
        Unit = "s",
        Property = "Timeout",
        Minimum = MinTimeout,
        Maximum = MaxTimeout,
    };

    [Test]
    public void A_definition_without_the_bounds_parameters_is_refused_naming_the_missing_one()
    {
        var act = () => new NumberBoundCheck(Definition([MinTimeout]), Timeout);

        var error = act.Should().Throw<ArgumentException>().Which;
        error.ParamName.Should().Be("definition");
        error.Message.Should().Contain("test-timeout does not declare the bound's parameter 'maxTimeout'")
            .And.Contain("declare Bound.Parameters")
            .And.NotContain("'minTimeout'");
    }

    [Test]
    public void A_parameter_of_the_same_name_declared_differently_is_not_the_bounds_parameter()
    {
        var otherDefault = MaxTimeout with { Default = "600" };

        var act = () => new NumberBoundCheck(Definition([MinTimeout, otherDefault]), Timeout);

        act.Should().Throw<ArgumentException>().WithMessage("*parameter 'maxTimeout'*");
    }

    [Test]
    public void The_bound_gives_the_definition_its_parameters_and_template_input()
    {
        var definition = Definition(Timeout.Parameters);

        var check = new NumberBoundCheck(definition, Timeout);

        Timeout.Parameters.Should().Equal(MinTimeout, MaxTimeout);
        Timeout.TemplateInput.Should().Be(new TemplateInput("timeout", "Timeout"));
        check.Definition.Should().BeSameAs(definition);
        check.Bound.Should().BeSameAs(Timeout);
    }

    [TestCase(2, "Timeout 2 s is below the minimum of 3 s; raise Timeout or lower test-timeout's minTimeout.")]
    [TestCase(301, "Timeout 301 s is above the maximum of 300 s; lower Timeout or raise test-timeout's maxTimeout.")]
    public async Task A_number_outside_the_range_is_non_compliant_saying_what_to_change(long timeout, string expected)
    {
        var verdict = await Evaluate(Timeout, Config($$"""{"timeout": {{timeout}}}"""));

        verdict.Should().Be(Verdict.NonCompliant(expected));
    }

    [TestCase(3)]
    [TestCase(300)]
    [TestCase(30)]
    public async Task A_number_within_the_inclusive_range_is_compliant(long timeout)
    {
        var verdict = await Evaluate(Timeout, Config($$"""{"timeout": {{timeout}}}"""));

        verdict.Should().Be(Verdict.Compliant($"Timeout {timeout} s is within 3-300 s."));
    }

    [Test]
    public async Task Another_word_for_above_the_maximum_is_used_when_the_bound_gives_one()
    {
        var verdict = await Evaluate(Timeout with { AboveMaximum = "exceeds" }, Config("""{"timeout": 400}"""));

        verdict.Annotation.Should().StartWith("Timeout 400 s exceeds the maximum of 300 s;");
    }

    [Test]
    public async Task A_range_with_only_a_lower_side_says_at_least_and_does_not_flag_large_numbers()
    {
        var bound = Timeout with { Maximum = MaxTimeout with { Default = null } };

        var verdict = await Evaluate(bound, Config("""{"timeout": 900}"""));

        verdict.Should().Be(Verdict.Compliant("Timeout 900 s is at least the minimum of 3 s."));
    }

    [Test]
    public async Task A_range_with_only_an_upper_side_says_within_the_maximum_and_does_not_flag_small_numbers()
    {
        var bound = Timeout with { Minimum = MinTimeout with { Default = null } };

        var verdict = await Evaluate(bound, Config("""{"timeout": 1}"""));

        verdict.Should().Be(Verdict.Compliant("Timeout 1 s is within the maximum of 300 s."));
    }

    [Test]
    public async Task A_range_without_either_side_says_the_number_is_not_limited()
    {
        var bound = Timeout with { Minimum = MinTimeout with { Default = null }, Maximum = MaxTimeout with { Default = null } };

        var verdict = await Evaluate(bound, Config("""{"timeout": 5}"""));

        verdict.Should().Be(Verdict.Compliant("Timeout 5 s is not limited."));
    }

    [Test]
    public async Task A_plain_count_is_written_without_a_unit()
    {
        var bound = Timeout with { Unit = "", Label = "Layer count", Field = "layers" };

        var verdict = await Evaluate(bound, Config("""{"layers": 1}"""));

        verdict.Annotation.Should().Be("Layer count 1 is below the minimum of 3; raise Timeout or lower test-timeout's minTimeout.");
    }

    [TestCase("""{"timeout": "30"}""")]
    [TestCase("""{"timeout": 30.0}""")]
    public async Task A_whole_number_written_as_text_or_with_no_fraction_is_judged(string configuration)
    {
        var verdict = await Evaluate(Timeout, Config(configuration));

        verdict.Compliance.Should().Be(ComplianceType.Compliant);
    }

    [TestCase("""{"memorySize": 128}""", "The configuration records no timeout, so there is nothing to judge.")]
    [TestCase("""{"timeout": null}""", "The configuration records no timeout, so there is nothing to judge.")]
    [TestCase("""{"timeout": "{{resolve:ssm:timeout}}"}""", "The configuration's timeout is not a whole number, so there is nothing to judge.")]
    [TestCase("""{"timeout": 30.5}""", "The configuration's timeout is not a whole number, so there is nothing to judge.")]
    public async Task Without_a_whole_number_there_is_nothing_to_judge(string configuration, string expected)
    {
        var verdict = await Evaluate(Timeout, Config(configuration));

        verdict.Should().Be(Verdict.NotApplicable(expected));
    }

    [Test]
    public void Parameters_set_to_a_minimum_above_the_maximum_are_refused()
    {
        var check = new NumberBoundCheck(Definition(Timeout.Parameters), Timeout);

        var act = () => check.ParseParameters(Raw(("minTimeout", "60"), ("maxTimeout", "30")));

        act.Should().Throw<InvalidParameterValueException>().Which.Problems.Should().ContainSingle()
            .Which.Should().Be("parameter 'minTimeout' (60) is above 'maxTimeout' (30); the minimum must be at most the maximum (the range is inclusive).");
    }

    [Test]
    public void Every_bad_parameter_is_reported_at_once_naming_what_is_accepted()
    {
        var check = new NumberBoundCheck(Definition(Timeout.Parameters), Timeout);

        var act = () => check.ParseParameters(Raw(("minTimeout", "ten"), ("maxTimeout", "901")));

        var problems = act.Should().Throw<InvalidParameterValueException>().Which.Problems;
        problems.Should().HaveCount(2);
        problems[0].Should().Contain("'minTimeout' value 'ten'").And.Contain("a whole number from 1 to 900");
        problems[1].Should().Contain("'maxTimeout' value '901'");
    }

    [Test]
    public void Equal_bounds_are_a_range_of_one_number()
    {
        var check = new NumberBoundCheck(Definition(Timeout.Parameters), Timeout);

        check.ParseParameters(Raw(("minTimeout", "60"), ("maxTimeout", "60"))).Should().Be(new NumberRange(60, 60));
    }

    private static async Task<Verdict> Evaluate(NumberBound bound, JsonElement configuration)
    {
        IConfigRule check = new NumberBoundCheck(Definition(bound.Parameters), bound);
        var item = new ConfigurationItem { ResourceType = "AWS::Lambda::Function", ResourceId = "orders-fn", Configuration = configuration };
        var parameters = check.ParseParameters(Raw());
        return await check.EvaluateAsync(item, parameters, new RuleContext(DateTimeOffset.UnixEpoch, RuleServices.Empty), CancellationToken.None);
    }

    private static RuleDefinition Definition(IReadOnlyList<ParameterDefinition> parameters) => new()
    {
        Id = "test-timeout",
        Title = "Test timeout",
        Description = "Keeps timeouts within a range.",
        ResourceTypes = ["AWS::Lambda::Function"],
        Parameters = parameters,
        Severity = Severity.Low,
        Remediation = "Change Timeout.",
    };

    private static JsonElement Config(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static Dictionary<string, string> Raw(params (string Name, string Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value, StringComparer.Ordinal);
}
