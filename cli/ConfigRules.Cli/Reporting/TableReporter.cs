using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// For people: findings grouped by rule with counts, NON_COMPLIANT first with what to fix and where, then
/// exempted ones apart with their expiry, then NOT_APPLICABLE with the reason, then the compliant resources (the first few by name). Colours only when
/// stdout is a terminal and NO_COLOR is unset.
/// </summary>
public sealed class TableReporter(Stream output, bool color) : IReporter
{
    private const int CompliantNamesShown = 8;
    /// <summary>Finding labels line up: the longest is NOT_APPLICABLE.</summary>
    private static readonly int LabelWidth = ComplianceTypeNames.NotApplicable.Length;

    private readonly PerRule<RuleGroup> _byRule = new(rule => new RuleGroup(rule));

    public void Begin(IReadOnlyList<SelectedRule> rules) => _byRule.Begin(rules);

    public void Add(Finding finding)
    {
        var group = _byRule[finding.RuleId];
        switch (ReportText.Category(finding))
        {
            case ReportText.Exempted: group.Exempted.Add(finding); break;
            case ComplianceTypeNames.NonCompliant: group.NonCompliant.Add(finding); break;
            case ComplianceTypeNames.Compliant:
                group.CompliantCount++;
                if (group.CompliantNames.Count < CompliantNamesShown) group.CompliantNames.Add(finding.Evaluation.ComplianceResourceId);
                break;
            default: group.NotApplicable.Add(finding); break;
        }
    }

    public void Complete(FindingSummary summary)
    {
        using var writer = ReportText.Writer(output, 16 * 1024);
        foreach (var group in _byRule.InOrder) WriteGroup(writer, group);
        var total = summary.Compliant + summary.NonCompliant + summary.NotApplicable;
        writer.WriteLine(Paint(Bold,
            $"{_byRule.InOrder.Count} rule(s), {total} evaluation(s): ") +
            Paint(Red, $"{summary.NonCompliant} NON_COMPLIANT") + ", " +
            Paint(Green, $"{summary.Compliant} COMPLIANT") + ", " +
            Paint(Dim, $"{summary.NotApplicable} NOT_APPLICABLE"));
        writer.Flush();
    }

    private void WriteGroup(StreamWriter writer, RuleGroup group)
    {
        var definition = group.Rule.Definition;
        writer.WriteLine($"{Paint(Bold, definition.Id)}  {definition.Title} [{definition.Severity.ToName()}]");
        writer.WriteLine($"  {Paint(Red, $"{group.NonCompliant.Count} {ComplianceTypeNames.NonCompliant}")}  {Paint(Green, $"{group.CompliantCount} {ComplianceTypeNames.Compliant}")}  {Paint(Dim, $"{group.NotApplicable.Count} {ComplianceTypeNames.NotApplicable}")}{(group.Exempted.Count > 0 ? $" ({group.Exempted.Count} exempted)" : string.Empty)}");
        foreach (var finding in group.NonCompliant) WriteFinding(writer, Paint(Red, ComplianceTypeNames.NonCompliant.PadRight(LabelWidth)), finding);
        foreach (var finding in group.Exempted) WriteFinding(writer, Paint(Yellow, ReportText.Exempted.PadRight(LabelWidth)), finding);
        foreach (var finding in group.NotApplicable) WriteFinding(writer, Paint(Dim, ComplianceTypeNames.NotApplicable.PadRight(LabelWidth)), finding);
        if (group.CompliantCount > 0)
        {
            var more = group.CompliantCount - group.CompliantNames.Count;
            writer.WriteLine($"  {Paint(Green, "COMPLIANT     ")} {string.Join(", ", group.CompliantNames)}{(more > 0 ? $" and {more} more" : string.Empty)}");
        }
        if (group.NonCompliant.Count + group.Exempted.Count + group.NotApplicable.Count + group.CompliantCount == 0)
            writer.WriteLine(Paint(Dim, $"  no {string.Join(" or ", definition.ResourceTypes)} in the input"));
        writer.WriteLine();
    }

    private void WriteFinding(StreamWriter writer, string label, Finding finding)
    {
        var evaluation = finding.Evaluation;
        var where = finding.Source is { } source ? $"  ({ReportText.Where(source)})" : string.Empty;
        writer.WriteLine($"  {label} {evaluation.ComplianceResourceId}{Paint(Dim, where)}");
        if (evaluation.Annotation is { } annotation) writer.WriteLine($"      {annotation}");
    }

    private const string Bold = "\u001b[1m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";

    private string Paint(string style, string text) => color ? style + text + Reset : text;

    public void Dispose()
    {
        // Nothing held open: Complete writes and flushes everything.
    }

    private sealed class RuleGroup(SelectedRule rule)
    {
        public SelectedRule Rule { get; } = rule;
        public List<Finding> NonCompliant { get; } = [];
        public List<Finding> NotApplicable { get; } = [];
        /// <summary>NOT_APPLICABLE because of an exemption in force; the annotation says until when, by whom and why.</summary>
        public List<Finding> Exempted { get; } = [];
        public List<string> CompliantNames { get; } = [];
        public long CompliantCount { get; set; }
    }
}
