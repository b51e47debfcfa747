using ConfigRules.Framework.Exemptions;

namespace ConfigRules.Framework.Tests.Exemptions;

/// <summary>A small catalog like the real one: two exemptible rules and the public-access rule that is not.</summary>
internal static class ExemptionFixtures
{
    public const string Source = "exemptions.yaml";

    public static readonly ExemptionCatalog Catalog = new(
    [
        new("lambda-timeout-check", true),
        new("lambda-runtime-check", true),
        new("lambda-public-access-check", false),
    ]);

    public static ExemptionDocument Parse(string text) => ExemptionDocument.Parse(Source, text, Catalog);

    /// <summary>The problems of a document that must be refused.</summary>
    public static IReadOnlyList<ExemptionProblem> ProblemsOf(string text)
    {
        try
        {
            Parse(text);
        }
        catch (InvalidExemptionsException ex)
        {
            return ex.Problems;
        }
        throw new InvalidOperationException("The document was accepted; the test expected it to be refused.");
    }

    public static ExemptionEntry Entry(
        string resourceId = "orders-fn", string? accountId = null, string expires = "2027-03-31",
        string reason = "Batch import needs 15 minutes until the queue redesign ships.", string owner = "payments-team",
        string? ticket = "GOV-142", string rule = "lambda-timeout-check") => new()
    {
        Number = 1,
        Line = 2,
        Rule = rule,
        ResourceId = resourceId,
        AccountId = accountId,
        Reason = reason,
        Owner = owner,
        Ticket = ticket,
        Expires = DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture),
    };
}
