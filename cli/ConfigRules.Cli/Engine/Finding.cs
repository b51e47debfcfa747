using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Engine;

/// <summary>One rule's evaluation of one resource, with where the resource was read from.</summary>
public sealed record Finding(SelectedRule Rule, Framework.Evaluation.Evaluation Evaluation, SourceLocation? Source)
{
    public string RuleId => Rule.Id;
    public ComplianceType Compliance => Evaluation.ComplianceType;
}

/// <summary>Counts by compliance type, as the JSON summary reports them.</summary>
public sealed class FindingSummary
{
    public long Compliant { get; private set; }
    public long NonCompliant { get; private set; }
    public long NotApplicable { get; private set; }
    /// <summary>NOT_APPLICABLE because an exemption in force covers the resource (also counted in <see cref="NotApplicable"/>).</summary>
    public long Exempted { get; private set; }

    public void Count(ComplianceType compliance)
    {
        switch (compliance)
        {
            case ComplianceType.Compliant: Compliant++; break;
            case ComplianceType.NonCompliant: NonCompliant++; break;
            default: NotApplicable++; break;
        }
    }
}

/// <summary>Where findings go as they are made (a reporter); the engine itself writes nothing.</summary>
public interface IFindingSink
{
    void Add(Finding finding);
}
