using System.Globalization;
using System.Net;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// One self-contained HTML page a governance lead can attach to a mail: a chart of the results by rule and
/// compliance type, then every finding grouped by rule (severity, annotation, exemption with its expiry) in one
/// table that can be filtered by rule, compliance type and text. Styles and the filter script are inline and a
/// Content-Security-Policy forbids every request, so the page works offline and nothing leaves it.
/// </summary>
public sealed class HtmlReporter(Stream output, TimeProvider clock) : IReporter
{
    private static readonly string[] Columns = [ComplianceTypeNames.NonCompliant, ReportText.Exempted, ComplianceTypeNames.NotApplicable, ComplianceTypeNames.Compliant];

    private readonly PerRule<RuleFindings> _byRule = new(rule => new RuleFindings(rule));

    private IReadOnlyList<RuleFindings> Rules => _byRule.InOrder;

    public void Begin(IReadOnlyList<SelectedRule> rules) => _byRule.Begin(rules);

    public void Add(Finding finding) => _byRule[finding.RuleId].Findings.Add(finding);

    public void Complete(FindingSummary summary)
    {
        using var writer = ReportText.Writer(output, 64 * 1024);
        writer.Write(HtmlReportAssets.Head);
        writer.WriteLine($"<header><h1>ConfigRules report</h1><p class=\"meta\">Written {Encode(Reporters.Timestamp(clock.GetUtcNow()))} by configrules {Encode(ToolInformation.Version)}: "
            + $"{Rules.Count} rule(s), {summary.Compliant + summary.NonCompliant + summary.NotApplicable} evaluation(s).</p>");
        writer.WriteLine($"<p class=\"totals\"><span class=\"NON_COMPLIANT\">{summary.NonCompliant} NON_COMPLIANT</span> <span class=\"EXEMPTED\">{summary.Exempted} exempted</span> "
            + $"<span class=\"NOT_APPLICABLE\">{summary.NotApplicable - summary.Exempted} NOT_APPLICABLE</span> <span class=\"COMPLIANT\">{summary.Compliant} COMPLIANT</span></p></header>");
        WriteChart(writer);
        WriteFilters(writer);
        WriteTable(writer);
        writer.Write(HtmlReportAssets.Tail);
        writer.Flush();
    }

    /// <summary>One stacked bar per rule, widths in proportion to its evaluations; plain HTML and CSS, so it shows without the script too.</summary>
    private void WriteChart(StreamWriter writer)
    {
        writer.WriteLine("<section id=\"chart\" aria-label=\"Results by rule and compliance type\"><h2>Results by rule</h2>");
        writer.WriteLine("<p class=\"legend\">" + string.Concat(Columns.Select(c => $"<span class=\"{c}\">{Label(c)}</span> ")) + "</p>");
        foreach (var rule in Rules)
        {
            var counts = Columns.ToDictionary(c => c, c => rule.Findings.Count(f => ReportText.Category(f) == c), StringComparer.Ordinal);
            var total = Math.Max(1, counts.Values.Sum());
            writer.Write($"<div class=\"bar-row\" data-rule=\"{Encode(rule.Rule.Id)}\"><span class=\"bar-label\">{Encode(rule.Rule.Id)}</span><span class=\"bar\">");
            foreach (var column in Columns.Where(c => counts[c] > 0))
            {
                var width = (100.0 * counts[column] / total).ToString("0.##", CultureInfo.InvariantCulture);
                writer.Write($"<span class=\"segment {column}\" data-rule=\"{Encode(rule.Rule.Id)}\" data-compliance=\"{column}\" data-count=\"{counts[column]}\" style=\"width:{width}%\" title=\"{counts[column]} {Label(column)}\">{counts[column]}</span>");
            }
            if (counts.Values.Sum() == 0) writer.Write("<span class=\"empty\">no resources of its types</span>");
            writer.WriteLine("</span></div>");
        }
        writer.WriteLine("</section>");
    }

    private void WriteFilters(StreamWriter writer)
    {
        writer.WriteLine("<section id=\"filters\"><h2>Findings</h2>");
        writer.WriteLine("<label>Rule <select id=\"filter-rule\"><option value=\"\">all rules</option>"
            + string.Concat(Rules.Select(r => $"<option>{Encode(r.Rule.Id)}</option>")) + "</select></label>");
        writer.WriteLine("<label>Compliance <select id=\"filter-compliance\"><option value=\"\">all</option>"
            + string.Concat(Columns.Select(c => $"<option value=\"{c}\">{Label(c)}</option>")) + "</select></label>");
        writer.WriteLine("<label>Text <input id=\"filter-text\" type=\"search\" placeholder=\"resource, annotation, owner...\"></label>");
        writer.WriteLine("<span id=\"shown\"></span></section>");
    }

    /// <summary>Rows grouped by rule (catalog order), NON_COMPLIANT first within each rule, then exempted, not applicable, compliant.</summary>
    private void WriteTable(StreamWriter writer)
    {
        writer.WriteLine("<table id=\"findings\"><thead><tr><th>Rule</th><th>Severity</th><th>Compliance</th><th>Resource</th><th>Annotation</th><th>Exemption</th><th>Source</th></tr></thead>");
        foreach (var rule in Rules)
        {
            var definition = rule.Rule.Definition;
            var severity = definition.Severity.ToName();
            writer.WriteLine($"<tbody class=\"rule-group\" data-rule=\"{Encode(definition.Id)}\"><tr class=\"group-header\"><th colspan=\"7\">{Encode(definition.Id)} <span class=\"severity {severity}\">{severity}</span> {Encode(definition.Title)}</th></tr>");
            foreach (var finding in rule.Findings.OrderBy(f => Array.IndexOf(Columns, ReportText.Category(f))))
            {
                var category = ReportText.Category(finding);
                var evaluation = finding.Evaluation;
                var exemption = finding.Exempted?.Entry is { } entry
                    ? $"until {entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({Encode(entry.Owner)}{(entry.Ticket is { } ticket ? ", " + Encode(ticket) : "")}): {Encode(entry.Reason)}"
                    : "";
                var source = finding.Source is { } where ? Encode(ReportText.Where(where)) : "";
                writer.WriteLine($"<tr class=\"finding\" data-rule=\"{Encode(definition.Id)}\" data-compliance=\"{category}\"><td>{Encode(definition.Id)}</td><td class=\"severity {severity}\">{severity}</td>"
                    + $"<td class=\"{category}\">{Label(category)}</td><td>{Encode(evaluation.ComplianceResourceType)}<br><b>{Encode(evaluation.ComplianceResourceId)}</b></td>"
                    + $"<td>{Encode(evaluation.Annotation ?? "")}</td><td class=\"exemption\">{exemption}</td><td class=\"source\">{source}</td></tr>");
            }
            writer.WriteLine("</tbody>");
        }
        writer.WriteLine("</table>");
    }

    private static string Label(string category) => category == ReportText.Exempted ? "exempted" : category;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    public void Dispose()
    {
        // Nothing held open: Complete writes and flushes the whole page.
    }

    private sealed class RuleFindings(SelectedRule rule)
    {
        public SelectedRule Rule { get; } = rule;
        public List<Finding> Findings { get; } = [];
    }
}
