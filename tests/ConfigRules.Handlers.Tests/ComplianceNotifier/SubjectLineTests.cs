using ConfigRules.Handlers.ComplianceNotifier;
using FluentAssertions;
using NUnit.Framework;

namespace ConfigRules.Handlers.Tests.ComplianceNotifier;

public class SubjectLineTests
{
    [Test]
    public void Reads_as_kind_rule_resource_account_and_region()
    {
        SubjectLine.Compose(NoticeKind.Violation, "lambda-timeout-check", "orders-fn", "123456789012", "us-east-1")
            .Should().Be("NON_COMPLIANT: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
        SubjectLine.Compose(NoticeKind.Resolution, "lambda-timeout-check", "orders-fn", "123456789012", "us-east-1")
            .Should().Be("RESOLVED: lambda-timeout-check on orders-fn (123456789012/us-east-1)");
    }

    [TestCase(40, 700)]
    [TestCase(128, 10)]
    [TestCase(128, 768)]
    [TestCase(70, 70)]
    public void Long_names_give_way_evenly_and_the_subject_stays_under_100_characters(int ruleLength, int resourceLength)
    {
        var rule = new string('r', ruleLength);
        var resource = new string('x', resourceLength);

        var subject = SubjectLine.Compose(NoticeKind.Violation, rule, resource, "123456789012", "ap-southeast-2");

        subject.Length.Should().BeLessThanOrEqualTo(SubjectLine.MaxLength).And.BeLessThan(100);
        subject.Should().StartWith("NON_COMPLIANT: r").And.EndWith(" (123456789012/ap-southeast-2)").And.Contain(" on x");
        // The shorter part keeps all of itself when the other part can take the cut.
        if (ruleLength <= 27) subject.Should().Contain($" {rule} on ");
        if (resourceLength <= 27) subject.Should().Contain($" on {resource} (");
        if (ruleLength > 27 && resourceLength > 27) subject.Should().Contain("... on ").And.Contain("... (");
    }

    [Test]
    public void Non_ascii_and_control_characters_are_replaced_and_line_breaks_removed()
    {
        var subject = SubjectLine.Compose(NoticeKind.Violation, "lambda-timeout-check", "commandes-\u00e9t\u00e9\r\nfn\t\u0007\U0001F600", "123456789012", "us-east-1");

        subject.Should().Be("NON_COMPLIANT: lambda-timeout-check on commandes-?t? fn ? (123456789012/us-east-1)");
        subject.Should().MatchRegex("^[\\x20-\\x7E]+$");
    }

    [Test]
    public void Sanitizing_keeps_printable_ascii_as_it_is()
    {
        const string printable = "!\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~";
        SubjectLine.ToAscii(printable).Should().Be(printable);
    }
}
