using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// Writes one evaluation of the contract's JSON document (<c>configRuleName</c>, <c>complianceResourceType</c>,
/// <c>complianceResourceId</c>, <c>complianceType</c>, <c>annotation</c>, <c>orderingTimestamp</c>, and
/// <c>exemption</c> when one applied) to a <see cref="Utf8JsonWriter"/>. One per thread.
/// </summary>
/// <remarks>
/// Written once per rule and item, so what repeats is encoded once: property names, rule names and compliance
/// types as <see cref="JsonEncodedText"/>, and the ordering timestamp (the same for every rule of an item) formatted
/// only when it changes. Nothing is allocated per evaluation once the few distinct names are encoded.
/// </remarks>
internal sealed class EvaluationJsonWriter
{
    private static readonly JsonEncodedText ConfigRuleName = JsonEncodedText.Encode("configRuleName");
    private static readonly JsonEncodedText ComplianceResourceType = JsonEncodedText.Encode("complianceResourceType");
    private static readonly JsonEncodedText ComplianceResourceId = JsonEncodedText.Encode("complianceResourceId");
    private static readonly JsonEncodedText ComplianceTypeName = JsonEncodedText.Encode("complianceType");
    private static readonly JsonEncodedText AnnotationName = JsonEncodedText.Encode("annotation");
    private static readonly JsonEncodedText OrderingTimestamp = JsonEncodedText.Encode("orderingTimestamp");

    /// <summary>The writers of the report and of its fragments: indented alike, so fragments join seamlessly.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true };

    private readonly Dictionary<string, JsonEncodedText> _encoded = new(StringComparer.Ordinal);
    private readonly byte[] _timestamp = new byte[Reporters.TimestampLength];
    private DateTimeOffset? _timestampOf;

    public void Write(Utf8JsonWriter writer, Finding finding)
    {
        var evaluation = finding.Evaluation;
        writer.WriteStartObject();
        writer.WriteString(ConfigRuleName, Encoded(finding.RuleId));
        writer.WriteString(ComplianceResourceType, Encoded(evaluation.ComplianceResourceType));
        writer.WriteString(ComplianceResourceId, evaluation.ComplianceResourceId);
        writer.WriteString(ComplianceTypeName, Encoded(evaluation.ComplianceType.ToWire()));
        if (evaluation.Annotation is { } annotation) writer.WriteString(AnnotationName, annotation);
        else writer.WriteNull(AnnotationName);
        if (_timestampOf != evaluation.OrderingTimestamp)
        {
            Reporters.FormatTimestamp(evaluation.OrderingTimestamp, _timestamp);
            _timestampOf = evaluation.OrderingTimestamp;
        }
        writer.WriteString(OrderingTimestamp, _timestamp);
        if (finding.Exempted is { } exempted) WriteExemption(writer, exempted.Entry);
        writer.WriteEndObject();
    }

    private static void WriteExemption(Utf8JsonWriter writer, ExemptionEntry entry)
    {
        writer.WriteStartObject("exemption");
        writer.WriteString("reason", entry.Reason);
        writer.WriteString("owner", entry.Owner);
        if (entry.Ticket is { } ticket) writer.WriteString("ticket", ticket);
        else writer.WriteNull("ticket");
        writer.WriteString("expires", entry.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
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
}
