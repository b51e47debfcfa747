using ConfigRules.Framework.Exemptions;
using CsCheck;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>The notifier reads back what the exemption wrote: the formatter and the parser agree.</summary>
public class ExemptionAnnotationTests
{
    [Test]
    public void Reads_back_expiry_owner_ticket_and_reason()
    {
        ExemptionAnnotation.TryParse(ExemptionAnnotation.ForExemption(Entry()), out var details).Should().BeTrue();

        details.Should().Be(new ExemptionAnnotationDetails(new DateOnly(2027, 3, 31), "payments-team", "GOV-142",
            "Batch import needs 15 minutes until the queue redesign ships."));
        details!.ExpiresText.Should().Be("2027-03-31");
    }

    [Test]
    public void Reads_back_an_annotation_without_a_ticket()
    {
        ExemptionAnnotation.TryParse(ExemptionAnnotation.ForExemption(Entry(ticket: null, reason: "Why: because (really).")), out var details).Should().BeTrue();

        details.Should().Be(new ExemptionAnnotationDetails(new DateOnly(2027, 3, 31), "payments-team", null, "Why: because (really)."));
    }

    [Test]
    public void Reads_what_is_left_of_an_annotation_cut_inside_the_owner()
    {
        ExemptionAnnotation.TryParse("Exempt until 2027-03-31 (a very long owner name\u2026", out var details).Should().BeTrue();

        details.Should().Be(new ExemptionAnnotationDetails(new DateOnly(2027, 3, 31), "a very long owner name\u2026", null, null));
    }

    [TestCase(null)]
    [TestCase("Timeout 900 s exceeds the maximum of 300 s.")]
    [TestCase("Exempt until tomorrow (ops): why")]
    [TestCase("Exempt until 2027-02-30 (ops): why")]
    [TestCase("Exemption expired on 2027-03-31. Timeout 900 s exceeds the maximum of 300 s.")]
    [TestCase("exempt until 2027-03-31 (ops): why")]
    public void Anything_else_is_not_an_exemption(string? annotation)
    {
        ExemptionAnnotation.TryParse(annotation, out var details).Should().BeFalse();
        details.Should().BeNull();
    }

    [Test]
    public void Round_trips_any_owner_ticket_and_reason_without_commas_or_parentheses()
    {
        var word = Gen.String[Gen.Char["abcXYZ019-_. :/"], 1, 20].Select(s => s.Trim()).Where(s => s.Length > 0 && !s.Contains("  ", StringComparison.Ordinal));
        var ticket = Gen.Select(Gen.Bool, word).Select((given, text) => given ? text : null);
        var expires = Gen.Int[0, 7300].Select(days => new DateOnly(2020, 1, 1).AddDays(days));
        var entries = Gen.Select(word, ticket, word, expires).Select((owner, ticketOrNone, reason, date) =>
            Entry(owner: owner, ticket: ticketOrNone, reason: reason) with { Expires = date });

        entries.Sample(entry =>
            ExemptionAnnotation.TryParse(ExemptionAnnotation.ForExemption(entry), out var details)
            && details == new ExemptionAnnotationDetails(entry.Expires, entry.Owner, entry.Ticket, entry.Reason));
    }
}
