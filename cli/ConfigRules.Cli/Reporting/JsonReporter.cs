using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// The contract's JSON document, streamed evaluation by evaluation:
/// <c>{"evaluations":[{configRuleName, complianceResourceType, complianceResourceId, complianceType, annotation,
/// orderingTimestamp}], "summary":{"COMPLIANT":n,"NON_COMPLIANT":n,"NOT_APPLICABLE":n}}</c>.
/// </summary>
public sealed class JsonReporter(Stream output) : IReporter
{
    private const int FlushThreshold = 32 * 1024;
    private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { Indented = true });

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        _writer.WriteStartObject();
        _writer.WriteStartArray("evaluations");
    }

    public void Add(Finding finding)
    {
        var evaluation = finding.Evaluation;
        _writer.WriteStartObject();
        _writer.WriteString("configRuleName", finding.RuleId);
        _writer.WriteString("complianceResourceType", evaluation.ComplianceResourceType);
        _writer.WriteString("complianceResourceId", evaluation.ComplianceResourceId);
        _writer.WriteString("complianceType", evaluation.ComplianceType.ToWire());
        if (evaluation.Annotation is { } annotation) _writer.WriteString("annotation", annotation);
        else _writer.WriteNull("annotation");
        _writer.WriteString("orderingTimestamp", Reporters.Timestamp(evaluation.OrderingTimestamp));
        _writer.WriteEndObject();
        if (_writer.BytesPending > FlushThreshold) _writer.Flush();
    }

    public void Complete(FindingSummary summary)
    {
        _writer.WriteEndArray();
        _writer.WriteStartObject("summary");
        _writer.WriteNumber("COMPLIANT", summary.Compliant);
        _writer.WriteNumber("NON_COMPLIANT", summary.NonCompliant);
        _writer.WriteNumber("NOT_APPLICABLE", summary.NotApplicable);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
