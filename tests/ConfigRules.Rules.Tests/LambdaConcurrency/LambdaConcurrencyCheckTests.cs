using ConfigRules.Framework.Events;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.Tests.Fixtures;
using ConfigRules.Sdk.Testing;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Rules.Tests.Fixtures.CatalogHarness;

namespace ConfigRules.Rules.Tests.LambdaConcurrency;

[TestFixture(ItemShape.InvokingEvent)]
[TestFixture(ItemShape.Api)]
public class LambdaConcurrencyCheckTests(ItemShape shape)
{
    private readonly LambdaConcurrencyCheck _rule = new();

    private ConfigurationItem WithReserved(string? json) => json is null
        ? ConfigurationItemBuilder.LambdaFunction().WithSupplementary("Concurrency", Json.Raw("{}")).Build(shape)
        : ConfigurationItemBuilder.LambdaFunction().WithSupplementary("Concurrency", Json.Raw($$"""{"reservedConcurrentExecutions":{{json}}}""")).Build(shape);

    [TestCase("5", "", "", "", ComplianceType.Compliant, "Reserved concurrency 5 is set; no limits are configured.", TestName = "reserved, no limits")]
    [TestCase("5", "", "5", "10", ComplianceType.Compliant, "Reserved concurrency 5 is within the limits (5 to 10).", TestName = "equal to the low limit")]
    [TestCase("10.0", "", "5", "10", ComplianceType.Compliant, "Reserved concurrency 10 is within the limits (5 to 10).", TestName = "equal to the high limit as a double")]
    [TestCase("4", "", "5", "10", ComplianceType.NonCompliant,
        "Reserved concurrency 4 is below the minimum of 5; raise ReservedConcurrentExecutions or lower lambda-concurrency-check's concurrencyLimitLow.", TestName = "below the low limit")]
    [TestCase("11", "", "5", "", ComplianceType.Compliant, "Reserved concurrency 11 is within the limits (at least 5).", TestName = "only a low limit")]
    [TestCase("11", "", "", "10", ComplianceType.NonCompliant,
        "Reserved concurrency 11 is above the maximum of 10; lower ReservedConcurrentExecutions or raise lambda-concurrency-check's concurrencyLimitHigh.", TestName = "above the high limit")]
    [TestCase("0", "", "1", "", ComplianceType.NonCompliant, "Reserved concurrency 0 is below the minimum of 1;*", TestName = "zero (throttled) below a low limit")]
    [TestCase("0", "", "", "10", ComplianceType.Compliant, "Reserved concurrency 0 is within the limits (at most 10).", TestName = "zero is a value like any other")]
    [TestCase(null, "", "", "", ComplianceType.NonCompliant,
        "No reserved concurrency is set, and it is required; set ReservedConcurrentExecutions or set lambda-concurrency-check's requireReservedConcurrency to false.", TestName = "none while required")]
    [TestCase(null, "", "5", "50", ComplianceType.NonCompliant,
        "No reserved concurrency is set, and it is required; set ReservedConcurrentExecutions (5 to 50) or*", TestName = "none while required, limits named")]
    [TestCase(null, "false", "5", "50", ComplianceType.Compliant, "No reserved concurrency is set, which is allowed (requireReservedConcurrency is false).", TestName = "none while not required")]
    [TestCase("100", "false", "5", "50", ComplianceType.NonCompliant, "Reserved concurrency 100 is above the maximum of 50;*", TestName = "limits apply even when not required")]
    public async Task Reserved_concurrency_from_the_item(string? reserved, string require, string low, string high, ComplianceType expected, string annotation)
    {
        var parameters = new Dictionary<string, string>();
        if (require.Length > 0) parameters["requireReservedConcurrency"] = require;
        if (low.Length > 0) parameters["concurrencyLimitLow"] = low;
        if (high.Length > 0) parameters["concurrencyLimitHigh"] = high;
        var lookup = new FakeConcurrencyLookup([]);
        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionConcurrencyLookup>(lookup)).EvaluateAsync(WithReserved(reserved), parameters);
        evaluation.ComplianceType.Should().Be(expected);
        evaluation.Annotation.Should().Match(annotation);
        lookup.Asked.Should().BeEmpty("the item's own Concurrency record is used when present");
    }

    [TestCase(25, ComplianceType.Compliant)]
    [TestCase(0, ComplianceType.NonCompliant)]
    [TestCase(null, ComplianceType.NonCompliant)]
    public async Task Without_the_supplementary_record_Lambda_is_asked_by_function_name(int? reserved, ComplianceType expected)
    {
        var lookup = new FakeConcurrencyLookup(new() { ["orders-api"] = reserved });
        var evaluation = await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionConcurrencyLookup>(lookup)).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Build(shape), Params(("concurrencyLimitLow", "1")));
        evaluation.ComplianceType.Should().Be(expected);
        lookup.Asked.Should().Equal("orders-api");
    }

    [Test]
    public async Task Offline_an_item_without_the_record_has_none_reserved_as_the_managed_rule_reads_it()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Build(shape));
        evaluation.ComplianceType.Should().Be(ComplianceType.NonCompliant);
        evaluation.Annotation.Should().Contain("No reserved concurrency is set (read from the recorded item, which has no supplementaryConfiguration.Concurrency)");
    }

    [Test]
    public async Task Offline_an_item_without_the_record_is_compliant_when_reserved_concurrency_is_not_required()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction().Build(shape), Params(("requireReservedConcurrency", "false")));
        evaluation.ComplianceType.Should().Be(ComplianceType.Compliant);
        evaluation.Annotation.Should().Contain("read from the recorded item");
    }

    [Test]
    public async Task A_failing_lookup_fails_the_evaluation_rather_than_guessing()
    {
        var lookup = new FakeConcurrencyLookup([]);
        var judge = async () => await HarnessFor(_rule, RuleServices.Empty.Add<IFunctionConcurrencyLookup>(lookup)).EvaluateAsync(ConfigurationItemBuilder.LambdaFunction("gone").Build(shape));
        await judge.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Function not found: gone*");
    }

    [Test]
    public async Task A_reserved_value_that_is_not_a_number_is_not_applicable()
    {
        var evaluation = await HarnessFor(_rule).EvaluateAsync(WithReserved("\"many\""));
        evaluation.ComplianceType.Should().Be(ComplianceType.NotApplicable);
        evaluation.Annotation.Should().Contain("reservedConcurrentExecutions is not a whole number");
    }

    [Test]
    public async Task Container_images_are_judged_too()
    {
        var item = ConfigurationItemBuilder.LambdaContainerImageFunction().WithSupplementary("Concurrency", Json.Raw("""{"reservedConcurrentExecutions":3}""")).Build(shape);
        (await HarnessFor(_rule).EvaluateAsync(item)).ComplianceType.Should().Be(ComplianceType.Compliant);
    }
}

public class LambdaConcurrencyCheckParameterTests
{
    private readonly LambdaConcurrencyCheck _rule = new();

    [Test]
    public void Defaults_require_reservation_without_limits()
    {
        _rule.ParseParameters(Params()).Should().Be(new LambdaConcurrencyCheckParameters(true, null, null));
    }

    [TestCase("concurrencyLimitLow", "-1", "'concurrencyLimitLow' value '-1' is not valid; expected a whole number of at least 0.")]
    [TestCase("concurrencyLimitHigh", "ten", "'concurrencyLimitHigh' value 'ten' is not valid")]
    [TestCase("requireReservedConcurrency", "required", "'requireReservedConcurrency' value 'required' is not valid; expected true or false.")]
    public void A_bad_parameter_is_named(string name, string value, string expected)
    {
        var parse = () => _rule.ParseParameters(Params((name, value)));
        parse.Should().Throw<InvalidParameterValueException>().WithMessage($"Invalid parameter for lambda-concurrency-check: *{expected}*");
    }

    [Test]
    public void Low_above_high_is_reported_with_the_other_problems()
    {
        var parse = () => _rule.ParseParameters(Params(("concurrencyLimitLow", "50"), ("concurrencyLimitHigh", "10"), ("requireReservedConcurrency", "maybe")));
        var error = parse.Should().Throw<InvalidParameterValueException>().Which;
        error.Problems.Should().HaveCount(2);
        error.Message.Should().Contain("'concurrencyLimitLow' (50) is above 'concurrencyLimitHigh' (10)");
    }
}
