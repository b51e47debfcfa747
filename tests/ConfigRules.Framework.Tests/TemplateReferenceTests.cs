using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests;

/// <summary>How template items name the template's own resources, and the resource types a rule judges only in templates.</summary>
[TestFixture]
public sealed class TemplateReferenceTests
{
    [TestCase("${MyAcl.Arn}", "MyAcl", "Arn")]
    [TestCase("${MyFunction}", "MyFunction", null)]
    [TestCase("${MyApi.Stage}", "MyApi", "Stage")]
    public void A_reference_names_the_resource_and_attribute(string text, string logicalId, string? attribute)
    {
        TemplateReference.TryParse(text, out var reference).Should().BeTrue();
        reference.Should().Be(new TemplateReference(logicalId, attribute));
        reference.Text.Should().Be(text);
    }

    [TestCase("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/b")]
    [TestCase("${AWS::AccountId}")]
    [TestCase("arn:${AWS::Partition}:lambda:${AWS::Region}")]
    [TestCase("${}")]
    [TestCase("${A.}")]
    [TestCase("x${A}")]
    [TestCase(null)]
    public void Anything_else_is_not_a_reference(string? text) =>
        TemplateReference.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Every_logical_id_and_attribute_round_trips() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 30], Gen.String[Gen.Char.AlphaNumeric, 1, 20].Null())
            .Sample((logicalId, attribute) =>
            {
                var reference = new TemplateReference(logicalId, attribute);
                return TemplateReference.TryParse(reference.Text, out var parsed) && parsed == reference;
            });

    [Test]
    public void A_rule_covers_its_template_resource_types_only_in_templates()
    {
        var definition = new RuleDefinition
        {
            Id = "account-check",
            Title = "t",
            Description = "d",
            ResourceTypes = [AccountItem.ResourceType],
            TemplateResourceTypes = ["AWS::CloudTrail::Trail"],
            Parameters = [],
            Severity = Severity.Low,
            Remediation = "r",
        };
        definition.Covers("AWS::CloudTrail::Trail").Should().BeFalse();
        definition.CoversInTemplate("AWS::CloudTrail::Trail").Should().BeTrue();
        definition.CoversInTemplate(AccountItem.ResourceType).Should().BeTrue();
        definition.CoversInTemplate("AWS::Lambda::Function").Should().BeFalse();
    }
}
