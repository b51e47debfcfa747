using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Engine;

/// <summary>One rule's evaluation of one resource, with where the resource was read from.</summary>
/// <param name="Exempted">Set when an exemption in force made the evaluation NOT_APPLICABLE: the entry and what the rule itself found.</param>
public sealed record Finding(SelectedRule Rule, Framework.Evaluation.Evaluation Evaluation, SourceLocation? Source, ExemptedFinding? Exempted = null)
{
    public string RuleId => Rule.Id;
    public ComplianceType Compliance => Evaluation.ComplianceType;
}

/// <summary>What an exemption covered: the entry, and the rule's own verdict before it (for SARIF's suppressed results).</summary>
public sealed record ExemptedFinding(ExemptionEntry Entry, ComplianceType RuleCompliance, string? RuleAnnotation);

/// <summary>Counts by compliance type, as the JSON summary reports them. Not thread-safe: one per thread, then <see cref="Add"/>.</summary>
public sealed class FindingSummary
{
    public long Compliant { get; private set; }
    public long NonCompliant { get; private set; }
    public long NotApplicable { get; private set; }
    /// <summary>NOT_APPLICABLE because an exemption in force covers the resource (also counted in <see cref="NotApplicable"/>).</summary>
    public long Exempted { get; private set; }

    public void Count(ComplianceType compliance, bool exempted = false)
    {
        switch (compliance)
        {
            case ComplianceType.Compliant: Compliant++; break;
            case ComplianceType.NonCompliant: NonCompliant++; break;
            default: NotApplicable++; break;
        }
        if (exempted) Exempted++;
    }

    /// <summary>Adds another summary's counts (a worker's, for one run of items).</summary>
    public void Add(FindingSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Compliant += other.Compliant;
        NonCompliant += other.NonCompliant;
        NotApplicable += other.NotApplicable;
        Exempted += other.Exempted;
    }

    public void Clear() => Compliant = NonCompliant = NotApplicable = Exempted = 0;

    /// <summary>The counts as a value, to be kept with findings rendered ahead and added later.</summary>
    public FindingCounts Counts => new((int)Compliant, (int)NonCompliant, (int)NotApplicable, (int)Exempted);

    public void Add(FindingCounts counts)
    {
        Compliant += counts.Compliant;
        NonCompliant += counts.NonCompliant;
        NotApplicable += counts.NotApplicable;
        Exempted += counts.Exempted;
    }
}

/// <summary>The counts of a few findings (one item's), as <see cref="FindingSummary"/> counts them.</summary>
public readonly record struct FindingCounts(int Compliant, int NonCompliant, int NotApplicable, int Exempted);

/// <summary>Where findings go as they are made (a reporter); the engine itself writes nothing.</summary>
public interface IFindingSink
{
    void Add(Finding finding);
}
