using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Framework.Tests.Exemptions;

public class ExemptionCatalogTests
{
    [Test]
    public void Rule_definitions_are_exemptible_unless_they_say_otherwise()
    {
        var open = MaxMemoryRule.Data;
        var closed = MaxMemoryRule.Data with { Id = "test-public-access", Exemptible = false };

        var catalog = ExemptionCatalog.FromDefinitions([open, closed]);

        catalog.StatusOf("test-max-memory").Should().Be(ExemptionRuleStatus.Exemptible);
        catalog.StatusOf("test-public-access").Should().Be(ExemptionRuleStatus.NotExemptible);
        catalog.StatusOf("Test-Max-Memory").Should().Be(ExemptionRuleStatus.Unknown, "rule ids are matched exactly");
        catalog.ExemptibleRuleIds.Should().Equal("test-max-memory");
    }
}
