using FluentAssertions;
using NUnit.Framework;
using static ConfigRules.Framework.Tests.Exemptions.ExemptionFixtures;

namespace ConfigRules.Framework.Tests.Exemptions;

public class ExemptionMatchingTests
{
    private static readonly DateTimeOffset BeforeExpiry = new(2027, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static string Document(string resourceId, string? accountId = null, string expires = "2027-03-31") =>
        "exemptions:\n  - rule: lambda-timeout-check\n" +
        $"    resourceId: '{resourceId}'\n" +
        (accountId is null ? "" : $"    accountId: '{accountId}'\n") +
        $"    reason: Batch import\n    owner: payments-team\n    expires: {expires}\n";

    [TestCase("orders-fn", "orders-fn", true)]
    [TestCase("orders-fn", "Orders-fn", false)]
    [TestCase("orders-fn", "orders-fn-2", false)]
    [TestCase("orders-*", "orders-", true)]
    [TestCase("orders-*", "orders-batch-fn", true)]
    [TestCase("orders-*", "my-orders-fn", false)]
    [TestCase("*-fn", "orders-fn", true)]
    [TestCase("*", "anything at all", true)]
    [TestCase("orders-?n", "orders-fn", true)]
    [TestCase("orders-?n", "orders-n", false)]
    [TestCase("orders-?n", "orders-ffn", false)]
    [TestCase("*batch*", "orders-batch-fn", true)]
    [TestCase("a*b*c", "aXbYbZc", true)]
    [TestCase("a*b*c", "aXbYcZ", false)]
    [TestCase("arn:aws:lambda:*:function:orders", "arn:aws:lambda:us-east-1:123456789012:function:orders", true)]
    public void Matches_the_resource_id_with_wildcards_over_the_whole_id(string pattern, string resourceId, bool matches)
    {
        var match = Parse(Document(pattern)).Find("lambda-timeout-check", resourceId, "123456789012", BeforeExpiry);

        (match is not null).Should().Be(matches);
    }

    [Test]
    public void Matches_only_its_own_rule()
    {
        Parse(Document("orders-fn")).Find("lambda-runtime-check", "orders-fn", null, BeforeExpiry).Should().BeNull();
    }

    [TestCase(null, "123456789012", true)]
    [TestCase(null, null, true)]
    [TestCase("123456789012", "123456789012", true)]
    [TestCase("123456789012", "210987654321", false)]
    [TestCase("123456789012", null, false)]
    public void An_account_scoped_entry_matches_only_that_account_and_never_an_unknown_one(string? entryAccount, string? resourceAccount, bool matches)
    {
        var match = Parse(Document("orders-fn", entryAccount)).Find("lambda-timeout-check", "orders-fn", resourceAccount, BeforeExpiry);

        (match is not null).Should().Be(matches);
    }

    [TestCase("2027-03-31T00:00:00Z", true)]
    [TestCase("2027-03-31T23:59:59Z", true)]
    [TestCase("2027-03-31T23:59:59.9999999Z", true)]
    [TestCase("2027-04-01T00:00:00Z", false)]
    [TestCase("2027-03-31T20:00:00-05:00", false)] // 01:00 UTC on 1 April
    [TestCase("2027-04-01T01:00:00+02:00", true)] // 23:00 UTC on 31 March
    public void Holds_through_its_expiry_day_in_utc(string now, bool inForce)
    {
        var match = Parse(Document("orders-fn")).Find("lambda-timeout-check", "orders-fn", null, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        match.Should().NotBeNull("an expired entry still matches, so that its expiry can be told");
        match!.InForce.Should().Be(inForce);
        match.Expired.Should().Be(!inForce);
    }

    [Test]
    public void An_entry_in_force_wins_over_an_expired_one_and_the_longest_grant_over_a_shorter_one()
    {
        var document = Parse("""
            exemptions:
              - {rule: lambda-timeout-check, resourceId: orders-*, reason: old, owner: a, expires: 2026-01-31}
              - {rule: lambda-timeout-check, resourceId: orders-fn, reason: short, owner: b, expires: 2027-02-28}
              - {rule: lambda-timeout-check, resourceId: "*", reason: long, owner: c, expires: 2027-06-30}
              - {rule: lambda-timeout-check, resourceId: "*-fn", reason: expired later, owner: d, expires: 2026-06-30}
            """);

        document.Find("lambda-timeout-check", "orders-fn", null, BeforeExpiry)!.Entry.Reason.Should().Be("long");
        var afterAll = new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);
        document.Find("lambda-timeout-check", "orders-fn", null, afterAll)!.Entry.Reason.Should().Be("long", "the last to expire is the one worth telling");
        document.Find("lambda-timeout-check", "orders-db", null, new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero))!
            .Should().BeEquivalentTo(new { InForce = false, Entry = new { Reason = "long" } });
    }

    [Test]
    public void Lists_entries_expiring_within_the_window_and_those_already_expired_soonest_first()
    {
        var document = Parse("""
            exemptions:
              - {rule: lambda-timeout-check, resourceId: a, reason: r, owner: o, expires: 2027-02-14}
              - {rule: lambda-timeout-check, resourceId: b, reason: r, owner: o, expires: 2027-02-15}
              - {rule: lambda-timeout-check, resourceId: c, reason: r, owner: o, expires: 2027-01-14}
              - {rule: lambda-timeout-check, resourceId: d, reason: r, owner: o, expires: 2027-01-15}
            """);
        var today = new DateOnly(2027, 1, 15);

        document.ExpiringWithin(today, 30).Select(e => e.ResourceId).Should().Equal("c", "d", "a");
        document.ExpiringWithin(today, 0).Select(e => e.ResourceId).Should().Equal("c", "d");
        FluentActions.Invoking(() => document.ExpiringWithin(today, -1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
