using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// The contract's JSON document, streamed evaluation by evaluation:
/// <c>{"evaluations":[{configRuleName, complianceResourceType, complianceResourceId, complianceType, annotation,
/// orderingTimestamp}], "summary":{"COMPLIANT":n,"NON_COMPLIANT":n,"NOT_APPLICABLE":n}}</c>. An evaluation that an
/// exemption made NOT_APPLICABLE also carries <c>"exemption": {"reason", "owner", "ticket", "expires"}</c> (CONTRACT 2.5).
/// </summary>
/// <remarks>
/// Written once per rule and item, so what repeats is encoded once: property names, rule names and compliance
/// types as <see cref="JsonEncodedText"/>, and the ordering timestamp (the same for every rule of an item) formatted
/// only when it changes.
/// </remarks>
public sealed class JsonReporter(Stream output) : IReporter
{
    private const int FlushThreshold = 32 * 1024;
    private static readonly JsonEncodedText ConfigRuleName = JsonEncodedText.Encode("configRuleName");
    private static readonly JsonEncodedText ComplianceResourceType = JsonEncodedText.Encode("complianceResourceType");
    private static readonly JsonEncodedText ComplianceResourceId = JsonEncodedText.Encode("complianceResourceId");
    private static readonly JsonEncodedText ComplianceTypeName = JsonEncodedText.Encode("complianceType");
    private static readonly JsonEncodedText AnnotationName = JsonEncodedText.Encode("annotation");
    private static readonly JsonEncodedText OrderingTimestamp = JsonEncodedText.Encode("orderingTimestamp");

    private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { Indented = true });
    private readonly Dictionary<string, JsonEncodedText> _encoded = new(StringComparer.Ordinal);
    private readonly byte[] _timestamp = new byte[Reporters.TimestampLength];
    private DateTimeOffset? _timestampOf;

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        _writer.WriteStartObject();
        _writer.WriteStartArray("evaluations");
    }

    public void Add(Finding finding)
    {
        var evaluation = finding.Evaluation;
        _writer.WriteStartObject();
        _writer.WriteString(ConfigRuleName, Encoded(finding.RuleId));
        _writer.WriteString(ComplianceResourceType, Encoded(evaluation.ComplianceResourceType));
        _writer.WriteString(ComplianceResourceId, evaluation.ComplianceResourceId);
        _writer.WriteString(ComplianceTypeName, Encoded(evaluation.ComplianceType.ToWire()));
        if (evaluation.Annotation is { } annotation) _writer.WriteString(AnnotationName, annotation);
        else _writer.WriteNull(AnnotationName);
        if (_timestampOf != evaluation.OrderingTimestamp)
        {
            Reporters.FormatTimestamp(evaluation.OrderingTimestamp, _timestamp);
            _timestampOf = evaluation.OrderingTimestamp;
        }
        _writer.WriteString(OrderingTimestamp, _timestamp);
        if (finding.Exempted is { } exempted) WriteExemption(exempted.Entry);
        _writer.WriteEndObject();
        if (_writer.BytesPending > FlushThreshold) _writer.Flush();
    }

    private void WriteExemption(ExemptionEntry entry)
    {
        _writer.WriteStartObject("exemption");
        _writer.WriteString("reason", entry.Reason);
        _writer.WriteString("owner", entry.Owner);
        if (entry.Ticket is { } ticket) _writer.WriteString("ticket", ticket);
        else _writer.WriteNull("ticket");
        _writer.WriteString("expires", entry.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        _writer.WriteEndObject();
    }

    public void Complete(FindingSummary summary)
    {
        _writer.WriteEndArray();
        _writer.WriteStartObject("summary");
        _writer.WriteNumber(ComplianceTypeNames.Compliant, summary.Compliant);
        _writer.WriteNumber(ComplianceTypeNames.NonCompliant, summary.NonCompliant);
        _writer.WriteNumber(ComplianceTypeNames.NotApplicable, summary.NotApplicable);
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        output.Write("\n"u8);
        output.Flush();
    }

    /// <summary>
    /// Rule names, resource types and compliance types come from small sets: each is escaped once. Bounded by the
    /// number of distinct values (resource types are a fixed AWS list), never by the input's size.
    /// </summary>
    private JsonEncodedText Encoded(string value)
    {
        if (!_encoded.TryGetValue(value, out var encoded))
        {
            encoded = JsonEncodedText.Encode(value);
            if (_encoded.Count < 4096) _encoded[value] = encoded;
        }
        return encoded;
    }

    public void Dispose() => _writer.Dispose();
}
