using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaTimeout;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaTimeout;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaTimeoutCheckTests(ItemShape shape)
{
    private readonly LambdaTimeoutCheck _rule = new();

    [TestCase("1", "", "", ComplianceType.Compliant, "Timeout 1 s is within 1-300 s.", TestName = "equal to the default minimum")]
    [TestCase("300", "", "", ComplianceType.Compliant, "Timeout 300 s is within 1-300 s.", TestName = "equal to the default maximum")]
    [TestCase("900", "", "", ComplianceType.NonCompliant,
        "Timeout 900 s exceeds the maximum of 300 s; lower Timeout or raise lambda-timeout-check's maxTimeout.", TestName = "the contract's example")]
    [TestCase("301.0", "", "", ComplianceType.NonCompliant, "Timeout 301 s exceeds the maximum of 300 s;*", TestName = "a double one above the maximum")]
    [TestCase("3.0", "", "", ComplianceType.Compliant, "Timeout 3 s is within 1-300 s.", TestName = "a double within the range")]
    [TestCase("9", "10", "60", ComplianceType.NonCompliant,
        "Timeout 9 s is below the minimum of 10 s; raise Timeout or lower lambda-timeout-check's minTimeout.", TestName = "one below a set minimum")]
    [TestCase("10", "10", "60", ComplianceType.Compliant, "Timeout 10 s is within 10-60 s.", TestName = "equal to a set minimum")]
    [TestCase("60", "10", "60", ComplianceType.Compliant, "Timeout 60 s is within 10-60 s.", TestName = "equal to a set maximum")]
    public async Task Timeout_is_judged_against_the_inclusive_range(string timeoutJson, string min, string max, ComplianceType expected, string annotation)
    {
        var item = ConfigurationItemBuilder.LambdaFunction().With("timeout", Json.Raw(timeoutJson)).Build(shape);
        var parameters = new Dictionary<string, string>();
        if (min.Length > 0) parameters["minTimeout"] = min;
        if (max.Length > 0) parameters["maxTimeout"] = max;
        var evaluation = await HarnessFor(_rule).EvaluateAsync(item, parameters);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
    }

    [Test]
    public async Task A_missing_timeout_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Without("timeout").Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Be("The configuration records no timeout, so there is nothing to judge.");
    }

    [Test]
    public async Task A_null_timeout_is_treated_as_missing()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().With("timeout", null).Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
    }
}

public class LambdaTimeoutCheckParameterTests
{
    private readonly LambdaTimeoutCheck _rule = new();

    [Test]
    public void Defaults_come_from_the_catalog()
    {
        _rule.ParseParameters(Params()).Should().Be(new NumberRange(1, 300));
        _rule.ParseParameters(Params(("minTimeout", " 5.0 "), ("maxTimeout", "900"))).Should().Be(new NumberRange(5, 900));
    }

    [TestCase("minTimeout", "0", "'minTimeout' value '0' is not valid; expected a whole number from 1 to 900.")]
    [TestCase("maxTimeout", "901", "'maxTimeout' value '901' is not valid; expected a whole number from 1 to 900.")]
    [TestCase("maxTimeout", "5m", "'maxTimeout' value '5m' is not valid")]
    [TestCase("minTimeout", "301", "'minTimeout' (301) is above 'maxTimeout' (300); the minimum must be at most the maximum")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-timeout-check: *{expected}*");
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var parse = () => _rule.ParseParameters(Params(("minTimeout", "zero"), ("maxTimeout", "1000")));
        var error = parse.Should().Throw<InvalidParameterValueException>().Which;
        error.Problems.Should().HaveCount(2);
        error.Message.Should().StartWith("Invalid parameters for lambda-timeout-check (2 problems):");
    }
}
