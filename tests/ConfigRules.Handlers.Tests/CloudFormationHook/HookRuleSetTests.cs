using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.Rules;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>CONFIGRULES_RULES: which rules the hook runs, with which parameters; a mistake is an init error naming it.</summary>
[TestFixture]
public sealed class HookRuleSetTests
{
    private static HookRuleSet From(string? value) =>
        HookRuleSet.FromEnvironment(name => name == HookRuleSet.Variable ? value : null, RuleCatalog.All);

    [Test]
    public void Unset_runs_every_rule_of_the_catalog()
    {
        From(null).Rules.Select(r => r.Definition.Id).Should().Equal(RuleCatalog.All.Select(r => r.Definition.Id));
    }

    [Test]
    public void Only_the_named_rules_run_with_their_parameters()
    {
        var rules = From("""{"lambda-timeout-check": {"maxTimeout": "60"}, "api-gateway-endpoint-type-check": {}}""");

        rules.Rules.Select(r => r.Definition.Id).Should().Equal("lambda-timeout-check", "api-gateway-endpoint-type-check");
        rules.Covers("AWS::ApiGateway::RestApi").Should().BeTrue();
        rules.Covers("AWS::S3::Bucket").Should().BeFalse();
    }

    [TestCase("""{"lambda-nothing-check": {}}""", "unknown rule 'lambda-nothing-check'")]
    [TestCase("""{"lambda-timeout-check": {"maxTimeout": "forever"}}""", "the parameters of lambda-timeout-check are not valid")]
    [TestCase("""{"lambda-timeout-check": {"maxTimeout": 60}}""", "is not a JSON object from rule id to its parameters (string values)")]
    [TestCase("""["lambda-timeout-check"]""", "is not a JSON object from rule id to its parameters")]
    [TestCase("{}", "names no rule")]
    public void A_mistake_is_a_configuration_error_that_names_it(string value, string expected)
    {
        var act = () => From(value);

        act.Should().Throw<HandlerConfigurationException>().Which.Message.Should().Contain("CONFIGRULES_RULES").And.Contain(expected);
    }
}
