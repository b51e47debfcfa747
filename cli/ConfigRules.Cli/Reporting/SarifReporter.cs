using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Reporting.Sarif;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning: the selected rules as <c>tool.driver.rules</c> (with severity as level), and one
/// result per NON_COMPLIANT evaluation, located at the input file and line. Compliant and not-applicable
/// evaluations are not alerts; their counts go in the run's properties. A finding that an exemption covers is a
/// result with <c>suppressions: [{"kind": "external", "justification": reason}]</c>: code scanning shows it as
/// dismissed, with the reason.
/// </summary>
/// <remarks>
/// The document is typed (<see cref="SarifLog"/>) and written once at the end: results are only the findings to
/// act on, which the table reporter keeps in memory as well.
/// </remarks>
public sealed class SarifReporter(Stream output) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Where people learn about the tool (SARIF 3.19.6); set by the project file's InformationUri.</summary>
    public static string InformationUri { get; } = ToolInformation.InformationUri;

    private readonly List<SarifResult> _results = [];
    private IReadOnlyList<SarifRule> _rules = [];
    private Dictionary<string, int> _ruleIndex = [];

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        _ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        _rules = [.. rules.Select(rule => ToRule(rule.Definition))];
    }

    public void Add(Finding finding)
    {
        var exempted = finding.Exempted is { RuleCompliance: ComplianceType.NonCompliant } covered ? covered : null;
        if (finding.Compliance != ComplianceType.NonCompliant && exempted is null) return;
        var evaluation = finding.Evaluation;
        var message = exempted is null ? evaluation.Annotation : exempted.RuleAnnotation;
        _results.Add(new SarifResult(
            finding.RuleId,
            _ruleIndex[finding.RuleId],
            Level(finding.Rule.Definition.Severity),
            new SarifMessage(message ?? finding.Rule.Definition.Remediation),
            [Location(finding)],
            exempted is null ? null : [Suppression(exempted.Entry)],
            new SarifResultProperties(evaluation.ComplianceResourceType, evaluation.ComplianceResourceId)));
    }

    public void Complete(FindingSummary summary)
    {
        var log = new SarifLog(SchemaUri, "2.1.0",
        [
            new SarifRun(
                new SarifTool(new SarifDriver("configrules", InformationUri, ToolInformation.Version, _rules)),
                _results,
                new SarifRunProperties(summary.Compliant, summary.NonCompliant, summary.NotApplicable, summary.Exempted)),
        ]);
        JsonSerializer.Serialize(output, log, SarifJsonContext.Default.SarifLog);
        output.Write("\n"u8);
        output.Flush();
    }

    private static SarifSuppression Suppression(ExemptionEntry entry) => new(
        "external",
        entry.Reason,
        new SarifSuppressionProperties(entry.Owner, entry.Ticket, entry.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static SarifLocation Location(Finding finding)
    {
        var evaluation = finding.Evaluation;
        SarifPhysicalLocation? physical = finding.Source is { } source
            ? new SarifPhysicalLocation(new SarifArtifactLocation(ArtifactUri(source.File)), source.Line is { } line ? new SarifRegion(line) : null)
            : null;
        var logical = new SarifLogicalLocation(evaluation.ComplianceResourceId, $"{evaluation.ComplianceResourceType}/{evaluation.ComplianceResourceId}", "resource");
        return new SarifLocation(physical, [logical]);
    }

    private static SarifRule ToRule(RuleDefinition definition) => new(
        definition.Id,
        ReadableName(definition.Id),
        new SarifMessage(definition.Title),
        new SarifMessage(definition.Description),
        new SarifMessage(definition.Remediation),
        new SarifRuleConfiguration(Level(definition.Severity)),
        new SarifRuleProperties(
            definition.Severity.ToName(),
            SecuritySeverity(definition.Severity),
            definition.Exemptible,
            [.. definition.ResourceTypes]));

    /// <summary><c>lambda-runtime-check</c> → <c>LambdaRuntimeCheck</c>: readable, and never equal to the id (SARIF1001).</summary>
    public static string ReadableName(string ruleId) =>
        string.Concat(ruleId.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    /// <summary>Relative paths as forward-slash relative URIs (what code scanning resolves against the checkout), absolute ones as file URIs.</summary>
    public static string ArtifactUri(string file)
    {
        if (file.Contains(':', StringComparison.Ordinal) && !Path.IsPathRooted(file)) return file; // already a URI (bundled:..., stdin)
        if (Path.IsPathRooted(file)) return new Uri(file).AbsoluteUri;
        var relative = file.Replace('\\', '/');
        if (relative.StartsWith("./", StringComparison.Ordinal)) relative = relative[2..];
        return Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        // Nothing held open: Complete writes and flushes the whole document.
    }
}
