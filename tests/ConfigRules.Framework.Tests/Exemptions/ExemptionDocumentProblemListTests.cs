using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>Every problem of a document is reported at once, in document order, in one exception.</summary>
public class ExemptionDocumentProblemListTests
{
    private const string ManyProblems = """
        exemptions:
          - rule: lambda-timeout-check
            resourceId: orders-fn
            reason: Batch import
            owner: payments-team
            expires: 2027-03-31
          - rule: lambda-public-access-check
            resourceId: public-fn
            reason: Partner webhook
            owner: ""
            expires: 2027-13-01
          - just text
          - rule: no-such-rule
            resourceId: "*"
            accountId: 12345
            reason: Legacy
            owner: ops
            expires: 2027-01-01
            colour: blue
          - resourceId: api-*
            reason: Migration
            owner: web
            owner: web-team
            expires: 2026-12-31
        """;

    [Test]
    public void Reports_every_problem_together_in_document_order()
    {
        var problems = ProblemsOf(ManyProblems);

        problems.Select(p => (p.Entry, p.Line, p.Field)).Should().Equal(
            (2, 7, "rule"),
            (2, 10, "owner"),
            (2, 11, "expires"),
            (3, 12, null),
            (4, 13, "rule"),
            (4, 15, "accountId"),
            (4, 19, "colour"),
            (5, 20, "rule"),
            (5, 23, "owner"));
    }

    [Test]
    public void The_message_names_the_source_and_each_problem_on_its_own_line()
    {
        var exception = FluentActions.Invoking(() => Parse(ManyProblems)).Should().Throw<InvalidExemptionsException>().Which;

        exception.ErrorType.Should().Be("InvalidExemptionsException");
        exception.SourceName.Should().Be(Source);
        exception.FirstLine.Should().Be(7);
        var lines = exception.Message.Split('\n');
        lines[0].Should().Be("exemptions.yaml is not a valid exemptions document (9 problems; nothing is exempted until it is fixed):");
        lines.Skip(1).Should().HaveCount(9).And.OnlyContain(l => l.StartsWith("  exemptions.yaml:", StringComparison.Ordinal));
        lines[1].Should().StartWith("  exemptions.yaml:7: entry 2, rule: 'lambda-public-access-check' cannot be exempted");
        lines[3].Should().Be("  exemptions.yaml:11: entry 2, expires: '2027-13-01' is not a date; expected an ISO-8601 date yyyy-MM-dd (e.g. 2027-03-31), the last day the exemption holds (UTC).");
        lines[4].Should().StartWith("  exemptions.yaml:12: entry 3: expected a mapping");
    }

    [Test]
    public void A_json_document_reports_its_lines_too()
    {
        var json = """
            {
              "exemptions": [
                {
                  "rule": "lambda-timeout-check",
                  "resourceId": "orders-fn",
                  "reason": "Batch import",
                  "owner": "payments-team",
                  "expires": "31.03.2027"
                }
              ]
            }
            """;

        ProblemsOf(json).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Entry = 1, Line = 8, Field = "expires" });
    }
}
