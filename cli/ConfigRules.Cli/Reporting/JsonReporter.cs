using System.Buffers;
using System.Text.Json;
using ConfigRules.Cli.Engine;
using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// The contract's JSON document, streamed evaluation by evaluation:
/// <c>{"evaluations":[{configRuleName, complianceResourceType, complianceResourceId, complianceType, annotation,
/// orderingTimestamp}], "summary":{"COMPLIANT":n,"NON_COMPLIANT":n,"NOT_APPLICABLE":n}}</c>. An evaluation that an
/// exemption made NOT_APPLICABLE also carries <c>"exemption": {"reason", "owner", "ticket", "expires"}</c> (CONTRACT 2.5).
/// </summary>
/// <remarks>
/// Workers render their findings into <see cref="JsonFragment"/>s (the bytes of array elements, written by a
/// Utf8JsonWriter at the depth of the report's array), and the report writes each fragment as it is, so that
/// serializing runs on every core and the thread that writes only copies bytes.
/// </remarks>
public sealed class JsonReporter(Stream output) : IReporter
{
    private const int FlushThreshold = 32 * 1024;

    private readonly Utf8JsonWriter _writer = new(output, EvaluationJsonWriter.Options);
    private readonly EvaluationJsonWriter _evaluations = new();

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        _writer.WriteStartObject();
        _writer.WriteStartArray("evaluations");
    }

    public void Add(Finding finding)
    {
        _evaluations.Write(_writer, finding);
        if (_writer.BytesPending > FlushThreshold) _writer.Flush();
    }

    public FindingFragment CreateFragment() => new JsonFragment();

    public void Append(FindingFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var json = (JsonFragment)fragment;
        // The elements as written, separator and indentation included: the writer adds the comma between fragments.
        if (json.Elements.Length > 0) _writer.WriteRawValue(json.Elements.Span, skipInputValidation: true);
        if (_writer.BytesPending > FlushThreshold) _writer.Flush();
        json.Clear();
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

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Evaluations rendered apart: the writer opens the report's object and array first, so that what follows is
    /// indented and separated exactly as in the report, and <see cref="Elements"/> is what comes after that opening.
    /// </summary>
    private sealed class JsonFragment : FindingFragment
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
        private readonly Utf8JsonWriter _writer;
        private readonly EvaluationJsonWriter _evaluations = new();
        private int _opening;

        public JsonFragment()
        {
            _writer = new Utf8JsonWriter(_buffer, EvaluationJsonWriter.Options);
            Open();
        }

        public ReadOnlyMemory<byte> Elements
        {
            get
            {
                _writer.Flush();
                return _buffer.WrittenMemory[_opening..];
            }
        }

        public override void Add(Finding finding) => _evaluations.Write(_writer, finding);

        public override ReadOnlyMemory<byte>? Rendered => Elements;

        public override void AddRendered(ReadOnlySpan<byte> rendered)
        {
            // Elements as another fragment wrote them, separators included: the writer adds the one between.
            if (rendered.Length > 0) _writer.WriteRawValue(rendered, skipInputValidation: true);
        }

        public override void Clear()
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            Open();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _writer.Dispose();
            base.Dispose(disposing);
        }

        private void Open()
        {
            _writer.WriteStartObject();
            _writer.WriteStartArray("evaluations");
            _writer.Flush();
            _opening = _buffer.WrittenCount;
        }
    }
}
