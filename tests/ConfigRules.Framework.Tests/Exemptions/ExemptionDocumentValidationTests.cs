using ConfigRules.Framework.Exemptions;
using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>Every kind of invalid document is refused whole, naming entry, line, field and what is accepted.</summary>
public class ExemptionDocumentValidationTests
{
    /// <summary>A document whose one entry (from line 2) has these fields.</summary>
    private static string OneEntry(string fields) => "exemptions:\n" + fields;

    private const string ValidFields =
        "  - rule: lambda-timeout-check\n" +
        "    resourceId: orders-fn\n" +
        "    reason: Batch import\n" +
        "    owner: payments-team\n" +
        "    expires: 2027-03-31\n";

    private static ExemptionProblem SingleProblem(string text) => ProblemsOf(text).Should().ContainSingle().Subject;

    [TestCase("rule")]
    [TestCase("resourceId")]
    [TestCase("reason")]
    [TestCase("owner")]
    [TestCase("expires")]
    public void A_missing_required_field_is_named_where_its_entry_starts(string field)
    {
        var lines = ValidFields.Split('\n').Where(l => !l.TrimStart(' ', '-').StartsWith(field + ":", StringComparison.Ordinal));
        var text = OneEntry(string.Join('\n', lines));
        if (field == "rule") text = text.Replace("    resourceId", "  - resourceId", StringComparison.Ordinal);

        var problem = SingleProblem(text);

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = field, Line = 2 });
        problem.Message.Should().Contain("missing").And.Contain("rule, resourceId, reason, owner, expires");
    }

    [TestCase("reason")]
    [TestCase("owner")]
    public void An_empty_reason_or_owner_is_refused(string field)
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace($"{field}: ", $"{field}: \"  \" #", StringComparison.Ordinal)));

        problem.Field.Should().Be(field);
        problem.Message.Should().Contain("empty");
    }

    [Test]
    public void A_field_without_a_value_is_refused()
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("owner: payments-team", "owner:", StringComparison.Ordinal)));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "owner", Line = 5 });
        problem.Message.Should().Contain("has no value");
    }

    [Test]
    public void An_unknown_rule_is_refused_listing_the_exemptible_ones()
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("lambda-timeout-check", "lambda-timeout-chekc", StringComparison.Ordinal)));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "rule", Line = 2 });
        problem.Message.Should().Contain("'lambda-timeout-chekc' is not a rule of the catalog")
            .And.Contain("lambda-runtime-check, lambda-timeout-check").And.NotContain("lambda-public-access-check");
    }

    [Test]
    public void A_rule_that_is_not_exemptible_is_refused()
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("lambda-timeout-check", "lambda-public-access-check", StringComparison.Ordinal)));

        problem.Field.Should().Be("rule");
        problem.Message.Should().Contain("'lambda-public-access-check' cannot be exempted");
    }

    [TestCase("2027-3-31")]
    [TestCase("31/03/2027")]
    [TestCase("2027-02-30")]
    [TestCase("2027-03-31T00:00:00Z")]
    [TestCase("next spring")]
    [TestCase("\"\"")]
    public void A_malformed_date_is_refused(string expires)
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("2027-03-31", expires, StringComparison.Ordinal)));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "expires", Line = 6 });
        problem.Message.Should().Contain("yyyy-MM-dd");
    }

    [TestCase("12345678901")]
    [TestCase("1234567890123")]
    [TestCase("12345678901a")]
    [TestCase("\"\"")]
    [TestCase("")]
    public void A_malformed_account_id_is_refused(string accountId)
    {
        var problem = SingleProblem(OneEntry(ValidFields + $"    accountId: {accountId}\n"));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "accountId", Line = 7 });
        problem.Message.Should().Contain("12 digits");
    }

    [Test]
    public void An_empty_resource_id_pattern_is_refused()
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("orders-fn", "''", StringComparison.Ordinal)));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "resourceId", Line = 3 });
        problem.Message.Should().Contain("empty").And.Contain("* matches any run of characters");
    }

    [Test]
    public void An_entry_that_is_not_a_mapping_is_refused()
    {
        var problem = SingleProblem("exemptions:\n  - lambda-timeout-check orders-fn\n");

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = (string?)null, Line = 2 });
        problem.Message.Should().Contain("expected a mapping with the fields rule, resourceId, accountId, reason, owner, ticket, expires");
    }

    [Test]
    public void A_duplicate_field_is_refused_naming_both_lines()
    {
        var problem = SingleProblem(OneEntry(ValidFields + "    owner: platform-team\n"));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "owner", Line = 7 });
        problem.Message.Should().Contain("appears twice").And.Contain("first on line 5");
    }

    [Test]
    public void An_unknown_field_is_refused()
    {
        var problem = SingleProblem(OneEntry(ValidFields + "    expiry: 2027-03-31\n"));

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "expiry", Line = 7 });
        problem.Message.Should().Contain("unknown field");
    }

    [Test]
    public void A_field_holding_a_list_is_refused()
    {
        var problem = SingleProblem(OneEntry(ValidFields.Replace("owner: payments-team", "owner: [a, b]", StringComparison.Ordinal)));

        problem.Field.Should().Be("owner");
        problem.Message.Should().Contain("is a list");
    }

    [Test]
    public void An_alias_is_refused_rather_than_resolved()
    {
        var problem = SingleProblem(
            "exemptions:\n  - rule: lambda-timeout-check\n    resourceId: orders-fn\n    reason: &why Batch\n    owner: *why\n    expires: 2027-03-31\n");

        problem.Should().BeEquivalentTo(new { Entry = 1, Field = "owner", Line = 5 });
    }

    [TestCase("", "the document is empty")]
    [TestCase("- rule: lambda-timeout-check\n", "expected a mapping with one key, exemptions")]
    [TestCase("exemption: []\n", "unknown field 'exemption'")]
    [TestCase("exemptions: none\n", "expected a list of entries")]
    [TestCase("exemptions:\n", "expected a list of entries")]
    [TestCase("exemptions: [\n", "not valid YAML or JSON")]
    [TestCase("exemptions: []\n---\nexemptions: []\n", "second document")]
    public void A_document_of_the_wrong_shape_is_refused(string text, string expected)
    {
        ProblemsOf(text).Select(p => p.Message).Should().Contain(m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Test]
    public void A_document_without_the_exemptions_key_says_it_is_missing()
    {
        var problems = ProblemsOf("exemption: []\n");

        problems.Should().HaveCount(2);
        problems[1].Should().BeEquivalentTo(new { Field = "exemptions", Line = 1 });
        problems[1].Message.Should().StartWith("missing");
    }

    [Test]
    public void An_empty_list_is_a_valid_document_that_exempts_nothing()
    {
        Parse("exemptions: []\n").Entries.Should().BeEmpty();
    }
}
