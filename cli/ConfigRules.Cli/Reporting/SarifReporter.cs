using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for code scanning: the selected rules as <c>tool.driver.rules</c> (with severity as level), and one
/// result per NON_COMPLIANT evaluation, located at the input file and line. Compliant and not-applicable
/// evaluations are not alerts; their counts go in the run's properties.
/// </summary>
public sealed class SarifReporter(Stream output) : IReporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const int FlushThreshold = 32 * 1024;

    private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { Indented = true });
    private Dictionary<string, int> _ruleIndex = [];

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        _ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        _writer.WriteStartObject();
        _writer.WriteString("$schema", SchemaUri);
        _writer.WriteString("version", "2.1.0");
        _writer.WriteStartArray("runs");
        _writer.WriteStartObject();
        _writer.WriteStartObject("tool");
        _writer.WriteStartObject("driver");
        _writer.WriteString("name", "configrules");
        _writer.WriteString("semanticVersion", typeof(SarifReporter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        _writer.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(rule.Definition);
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteStartArray("results");
    }

    public void Add(Finding finding)
    {
        if (finding.Compliance != ComplianceType.NonCompliant) return;
        var evaluation = finding.Evaluation;
        _writer.WriteStartObject();
        _writer.WriteString("ruleId", finding.RuleId);
        _writer.WriteNumber("ruleIndex", _ruleIndex[finding.RuleId]);
        _writer.WriteString("level", Level(finding.Rule.Definition.Severity));
        _writer.WriteStartObject("message");
        _writer.WriteString("text", evaluation.Annotation ?? finding.Rule.Definition.Remediation);
        _writer.WriteEndObject();
        _writer.WriteStartArray("locations");
        _writer.WriteStartObject();
        if (finding.Source is { } source)
        {
            _writer.WriteStartObject("physicalLocation");
            _writer.WriteStartObject("artifactLocation");
            _writer.WriteString("uri", ArtifactUri(source.File));
            _writer.WriteEndObject();
            if (source.Line is { } line)
            {
                _writer.WriteStartObject("region");
                _writer.WriteNumber("startLine", line);
                _writer.WriteEndObject();
            }
            _writer.WriteEndObject();
        }
        _writer.WriteStartArray("logicalLocations");
        _writer.WriteStartObject();
        _writer.WriteString("name", evaluation.ComplianceResourceId);
        _writer.WriteString("fullyQualifiedName", $"{evaluation.ComplianceResourceType}/{evaluation.ComplianceResourceId}");
        _writer.WriteString("kind", "resource");
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteStartObject("properties");
        _writer.WriteString("resourceType", evaluation.ComplianceResourceType);
        _writer.WriteString("resourceId", evaluation.ComplianceResourceId);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        if (_writer.BytesPending > FlushThreshold) _writer.Flush();
    }

    public void Complete(FindingSummary summary)
    {
        _writer.WriteEndArray();
        _writer.WriteStartObject("properties");
        _writer.WriteNumber("compliant", summary.Compliant);
        _writer.WriteNumber("nonCompliant", summary.NonCompliant);
        _writer.WriteNumber("notApplicable", summary.NotApplicable);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    private void WriteRule(RuleDefinition definition)
    {
        _writer.WriteStartObject();
        _writer.WriteString("id", definition.Id);
        _writer.WriteString("name", definition.Id);
        _writer.WriteStartObject("shortDescription");
        _writer.WriteString("text", definition.Title);
        _writer.WriteEndObject();
        _writer.WriteStartObject("fullDescription");
        _writer.WriteString("text", definition.Description);
        _writer.WriteEndObject();
        _writer.WriteStartObject("help");
        _writer.WriteString("text", definition.Remediation);
        _writer.WriteEndObject();
        _writer.WriteStartObject("defaultConfiguration");
        _writer.WriteString("level", Level(definition.Severity));
        _writer.WriteEndObject();
        _writer.WriteStartObject("properties");
        _writer.WriteString("severity", definition.Severity.ToString().ToLowerInvariant());
        _writer.WriteString("security-severity", SecuritySeverity(definition.Severity));
        _writer.WriteStartArray("tags");
        foreach (var type in definition.ResourceTypes) _writer.WriteStringValue(type);
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning ranks alerts by this score (0.1 to 10) as text.</summary>
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

    public void Dispose() => _writer.Dispose();
}
