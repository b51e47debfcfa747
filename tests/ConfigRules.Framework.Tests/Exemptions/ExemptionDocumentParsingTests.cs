using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

public class ExemptionDocumentParsingTests
{
    [Test]
    public void Reads_a_yaml_document_with_every_field()
    {
        var document = Parse("""
            # Reviewed by the governance team; see docs/exemptions.md.
            exemptions:
              - rule: lambda-timeout-check
                resourceId: orders-batch-*
                accountId: "012345678901"
                reason: >
                  Batch import needs 15 minutes
                  until the queue redesign ships.
                owner: payments-team
                ticket: GOV-142
                expires: 2027-03-31
              - rule: lambda-runtime-check
                resourceId: legacy-fn
                reason: Pinned to python3.9 by a vendor library.
                owner: data-team
                ticket: ~
                expires: 2026-12-31
            """);

        document.SourceName.Should().Be(Source);
        document.Entries.Should().BeEquivalentTo(new[]
        {
            Entry(resourceId: "orders-batch-*", accountId: "012345678901", reason: "Batch import needs 15 minutes until the queue redesign ships.") with { Line = 3 },
            Entry(rule: "lambda-runtime-check", resourceId: "legacy-fn", reason: "Pinned to python3.9 by a vendor library.", owner: "data-team", ticket: null, expires: "2026-12-31") with { Number = 2, Line = 12 },
        });
    }

    [Test]
    public void Reads_the_same_document_written_as_json_with_tabs()
    {
        var json = "{\n\t\"exemptions\": [\n\t\t{\"rule\": \"lambda-timeout-check\", \"resourceId\": \"orders-fn\", \"accountId\": \"123456789012\",\n" +
                   "\t\t \"reason\": \"Batch import needs 15 minutes until the queue redesign ships.\", \"owner\": \"payments-team\",\n" +
                   "\t\t \"ticket\": \"GOV-142\", \"expires\": \"2027-03-31\"}\n\t]\n}\n";

        Parse(json).Entries.Should().ContainSingle().Which.Should().Be(Entry(accountId: "123456789012") with { Line = 3 });
    }

    [Test]
    public void An_account_id_written_as_a_json_number_is_read_as_its_digits()
    {
        var json = """{"exemptions": [{"rule": "lambda-timeout-check", "resourceId": "a", "accountId": 123456789012, "reason": "r", "owner": "o", "expires": "2027-03-31"}]}""";

        Parse(json).Entries.Single().AccountId.Should().Be("123456789012");
    }

    [Test]
    public void Text_fields_are_trimmed_and_a_blank_ticket_is_no_ticket()
    {
        var document = Parse("exemptions:\n  - {rule: lambda-timeout-check, resourceId: a, reason: '  why  ', owner: ' who ', ticket: '  ', expires: 2027-03-31}\n");

        document.Entries.Single().Should().BeEquivalentTo(new { Reason = "why", Owner = "who", Ticket = (string?)null });
    }

    [Test]
    public void No_document_means_no_exemptions()
    {
        ExemptionDocument.None.Entries.Should().BeEmpty();
        ExemptionDocument.None.Find("lambda-timeout-check", "orders-fn", null, DateTimeOffset.UnixEpoch).Should().BeNull();
    }
}
