using YamlDotNet.Core;

namespace ConfigRules.Framework.Exemptions;

/// <summary>
/// The governance team's exemptions document (CONTRACT 2.5, docs/exemptions.md), validated as a whole: either
/// every entry is usable or <see cref="Parse"/> refuses the document with every problem listed.
/// </summary>
public sealed class ExemptionDocument
{
    private ExemptionDocument(string sourceName, IReadOnlyList<ExemptionEntry> entries)
    {
        SourceName = sourceName;
        Entries = entries;
    }

    /// <summary>No exemptions: what applies when no document is configured.</summary>
    public static ExemptionDocument None { get; } = new("(no exemptions)", []);

    /// <summary>Where the document came from (a file name, s3://bucket/key), as messages name it.</summary>
    public string SourceName { get; }

    public IReadOnlyList<ExemptionEntry> Entries { get; }

    /// <summary>Reads a YAML or JSON document (JSON is YAML: one parser reads both).</summary>
    /// <exception cref="InvalidExemptionsException">Anything is wrong; the message lists every problem with its line.</exception>
    public static ExemptionDocument Parse(string sourceName, string text, IExemptionCatalog catalog)
    {
        YamlTreeNode? root;
        try
        {
            root = YamlTree.Read(text);
        }
        catch (YamlException ex)
        {
            var problem = new ExemptionProblem((int)Math.Max(ex.Start.Line, 1), null, null, $"not valid YAML or JSON: {ex.Message}");
            throw new InvalidExemptionsException(sourceName, [problem]);
        }
        var (entries, problems) = new ExemptionDocumentReader(catalog).Read(root);
        if (problems.Count > 0) throw new InvalidExemptionsException(sourceName, problems);
        return new ExemptionDocument(sourceName, entries);
    }

    /// <summary>
    /// The entry covering this rule and resource, or null. When several do, one in force wins over an expired
    /// one; among those in force the one that holds longest, among expired ones the one that expired last
    /// (its date is the one worth telling); ties go to the earlier entry.
    /// </summary>
    /// <param name="accountId">The resource's account; null when unknown (templates): account-scoped entries then do not match.</param>
    public ExemptionMatch? Find(string ruleId, string resourceId, string? accountId, DateTimeOffset now)
    {
        ExemptionMatch? best = null;
        foreach (var entry in Entries)
        {
            if (!entry.Covers(ruleId, resourceId, accountId)) continue;
            var candidate = new ExemptionMatch(entry, entry.IsInForceAt(now));
            if (best is null || IsBetter(candidate, best)) best = candidate;
        }
        return best;
    }

    /// <summary>
    /// Entries whose last day falls within <paramref name="days"/> days of <paramref name="today"/> (inclusive),
    /// and entries already expired (they no longer exempt anything and should be renewed or removed), soonest first.
    /// </summary>
    public IReadOnlyList<ExemptionEntry> ExpiringWithin(DateOnly today, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var horizon = today.AddDays(days);
        return [.. Entries.Where(e => e.Expires <= horizon).OrderBy(e => e.Expires).ThenBy(e => e.Number)];
    }

    private static bool IsBetter(ExemptionMatch candidate, ExemptionMatch best) =>
        candidate.InForce != best.InForce ? candidate.InForce : candidate.Entry.Expires > best.Entry.Expires;
}
