using ConfigRules.Handlers.ComplianceNotifier;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class CatalogRuleMatcherTests
{
    [TestCase("lambda-timeout-check", "lambda-timeout-check", "medium")]
    [TestCase("serverless-governance-lambda-timeout-check-abc123", "lambda-timeout-check", "medium")]
    [TestCase("lambda-timeout-check-conformance-pack-xyz", "lambda-timeout-check", "medium")]
    [TestCase("api-gateway-endpoint-type-check-conformance-pack-k2v8d0qlm", "api-gateway-endpoint-type-check", "high")]
    [TestCase("OrgConfigRule-api-gateway-endpoint-type-check-7f3a", "api-gateway-endpoint-type-check", "high")]
    [TestCase("LAMBDA-TIMEOUT-CHECK", "lambda-timeout-check", "medium")]
    [TestCase("governance_lambda-runtime-check", "lambda-runtime-check", "high")]
    public void Recognises_catalog_rules_inside_deployed_names(string deployedName, string expectedId, string expectedSeverity)
    {
        var rule = CatalogRuleMatcher.Default.Match(deployedName);

        rule.Should().NotBeNull();
        rule!.Id.Should().Be(expectedId);
        CatalogRuleMatcher.SeverityName(rule).Should().Be(expectedSeverity);
    }

    [TestCase("cloudtrail-enabled")]
    [TestCase("my-lambda-timeout-checker")]
    [TestCase("lambda-timeout-check2")]
    [TestCase("xlambda-timeout-check")]
    [TestCase("lambda-timeout")]
    public void Other_rules_are_unknown(string deployedName)
    {
        var rule = CatalogRuleMatcher.Default.Match(deployedName);

        rule.Should().BeNull();
        CatalogRuleMatcher.SeverityName(rule).Should().Be("unknown");
    }

    [Test]
    public void The_longest_catalog_id_in_the_name_wins()
    {
        var shortRule = ConfigRules.Rules.RuleCatalog.FindDefinition("lambda-timeout-check")!;
        var longRule = shortRule with { Id = "lambda-timeout-check-strict", Severity = ConfigRules.Framework.Rules.Severity.Critical };
        var matcher = new CatalogRuleMatcher([shortRule, longRule]);

        matcher.Match("pack-lambda-timeout-check-strict-abc")!.Id.Should().Be("lambda-timeout-check-strict");
        matcher.Match("pack-lambda-timeout-check-abc")!.Id.Should().Be("lambda-timeout-check");
    }
}
