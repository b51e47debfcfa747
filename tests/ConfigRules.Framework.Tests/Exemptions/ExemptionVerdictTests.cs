using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

public class ExemptionVerdictTests
{
    private static readonly Verdict Finding = Verdict.NonCompliant("Timeout 900 s exceeds the maximum of 300 s.");

    [Test]
    public void An_exemption_in_force_makes_a_finding_not_applicable_with_the_contract_annotation()
    {
        var outcome = ExemptionVerdict.Apply(Finding, new ExemptionMatch(Entry(), InForce: true));

        outcome.Verdict.Should().Be(Verdict.NotApplicable(
            "Exempt until 2027-03-31 (payments-team, GOV-142): Batch import needs 15 minutes until the queue redesign ships."));
        outcome.IsExempted.Should().BeTrue();
        outcome.Applied.Should().Be(Entry());
    }

    [Test]
    public void Without_a_ticket_the_annotation_names_the_owner_alone()
    {
        var outcome = ExemptionVerdict.Apply(Verdict.Compliant(), new ExemptionMatch(Entry(ticket: null, reason: "Accepted."), InForce: true));

        outcome.Verdict.Should().Be(Verdict.NotApplicable("Exempt until 2027-03-31 (payments-team): Accepted."));
    }

    [Test]
    public void A_long_reason_is_cut_to_256_characters_by_the_framework_annotation_rule()
    {
        var reason = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"because{i}"));

        var annotation = ExemptionVerdict.Apply(Finding, new ExemptionMatch(Entry(reason: reason), InForce: true)).Verdict.Annotation!;

        annotation.Length.Should().BeLessThanOrEqualTo(Annotation.MaxLength);
        annotation.Should().StartWith("Exempt until 2027-03-31 (payments-team, GOV-142): because0 because1").And.EndWith("\u2026");
        annotation.Should().Be(Annotation.Fit($"Exempt until 2027-03-31 (payments-team, GOV-142): {reason}"));
    }

    [Test]
    public void An_expired_exemption_leaves_the_finding_and_says_when_it_expired()
    {
        var outcome = ExemptionVerdict.Apply(Finding, new ExemptionMatch(Entry(), InForce: false));

        outcome.Verdict.Should().Be(Verdict.NonCompliant("Exemption expired on 2027-03-31. Timeout 900 s exceeds the maximum of 300 s."));
        outcome.IsExempted.Should().BeFalse();
        outcome.Match!.Expired.Should().BeTrue();
    }

    [Test]
    public void An_expired_exemption_cuts_the_rules_text_and_never_the_expiry_sentence()
    {
        var longFinding = Verdict.NonCompliant(string.Join(' ', Enumerable.Range(0, 80).Select(i => $"finding{i}")));

        var annotation = ExemptionVerdict.Apply(longFinding, new ExemptionMatch(Entry(), InForce: false)).Verdict.Annotation!;

        annotation.Length.Should().BeLessThanOrEqualTo(Annotation.MaxLength);
        annotation.Should().StartWith("Exemption expired on 2027-03-31. finding0 finding1").And.EndWith("\u2026");
    }

    [Test]
    public void An_expired_exemption_leaves_a_compliant_verdict_unchanged()
    {
        var outcome = ExemptionVerdict.Apply(Verdict.Compliant("Timeout 30 s."), new ExemptionMatch(Entry(), InForce: false));

        outcome.Verdict.Should().Be(Verdict.Compliant("Timeout 30 s."));
        outcome.IsExempted.Should().BeFalse();
    }

    [Test]
    public void The_rules_own_not_applicable_stands_because_there_is_nothing_to_exempt()
    {
        var deleted = Verdict.NotApplicable("The resource was deleted.");

        var outcome = ExemptionVerdict.Apply(deleted, new ExemptionMatch(Entry(), InForce: true));

        outcome.Should().Be(new ExemptionOutcome(deleted, null));
    }

    [Test]
    public void No_match_leaves_the_verdict_unchanged()
    {
        ExemptionVerdict.Apply(Finding, null).Should().Be(new ExemptionOutcome(Finding, null));
    }

    [Test]
    public void Applies_the_document_entry_that_covers_the_resource()
    {
        var document = Parse("exemptions:\n  - {rule: lambda-timeout-check, resourceId: orders-*, accountId: '123456789012', reason: Batch, owner: ops, expires: 2027-03-31}\n");
        var now = new DateTimeOffset(2027, 3, 31, 23, 59, 59, TimeSpan.Zero);

        ExemptionVerdict.Apply(Finding, document, "lambda-timeout-check", "orders-fn", "123456789012", now).Verdict.Compliance
            .Should().Be(ComplianceType.NotApplicable);
        ExemptionVerdict.Apply(Finding, document, "lambda-timeout-check", "orders-fn", "123456789012", now.AddSeconds(1)).Verdict.Annotation
            .Should().StartWith("Exemption expired on 2027-03-31.");
        ExemptionVerdict.Apply(Finding, document, "lambda-timeout-check", "orders-fn", null, now).Verdict.Should().Be(Finding);
    }
}
