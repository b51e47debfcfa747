using System.Text.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Input;

/// <summary>
/// Reads configuration items one at a time from JSON in any shape AWS produces, recognised by content:
/// an S3 snapshot or history file or get-resource-config-history output (<c>configurationItems</c>),
/// batch-get-resource-config output (<c>baseConfigurationItems</c>), select-resource-config output
/// (<c>Results</c>: items as JSON strings), the aggregator's forms of these (<c>BaseConfigurationItems</c>,
/// <c>ConfigurationItem</c>), a ConfigurationItemChangeNotification (<c>configurationItem</c>), one item, an array of
/// items, or NDJSON / concatenated values; a notification also inside a Config rule's Lambda event (invokingEvent), an
/// SNS message (Message) or an EventBridge event (detail). An OversizedConfigurationItemChangeNotification holds only a
/// summary: it is reported with the S3 object Config delivered the whole item to.
/// Only the current item is ever held in memory: memory stays flat however large the input.
/// </summary>
/// <remarks>
/// <see cref="TryReadNextRaw"/> only splits: it hands out each item's JSON (validated by the tokenizer while it
/// finds the item's end) without parsing it, so that parsing can happen on other threads.
/// </remarks>
public sealed partial class ConfigurationItemStreamReader(Stream stream, string file)
{
    private enum Mode { Top, TopArray, ObjectScan, ContainerArray }

    // batch-get-aggregate-resource-config writes BaseConfigurationItems; the account-level operations camelCase.
    private static readonly string[] ContainerProperties = ["configurationItems", "baseConfigurationItems", "BaseConfigurationItems", "Results"];

    private readonly JsonWindow _window = new(stream);
    private Mode _mode = Mode.Top;
    private bool _containerFound;
    private bool _oversizedSummary;

    // The item found last: a slice of the window, or the unescaped text of a string item in _unescaped.
    private long _itemStart, _itemEnd, _itemLine;
    private bool _itemUnescaped;
    private byte[] _unescaped = [];
    private InputProblem? _problem;

    /// <summary>
    /// Set when the last <see cref="TryReadNextRaw(out ReadOnlySpan{byte}, out long, out long)"/> met a document that is
    /// no item but an input problem (an oversized change notification, a broken envelope): its JSON is then empty.
    /// </summary>
    public InputProblem? Problem => _problem;

    /// <summary>The next item or item problem; false at the end. Throws <see cref="InputException"/> when the JSON is broken.</summary>
    public bool TryReadNext(out ItemRead result)
    {
        if (!TryReadNextRaw(out var json, out var line))
        {
            result = default;
            return false;
        }
        if (_problem is { } problem)
        {
            result = new ItemRead(null, problem);
            return true;
        }
        try
        {
            result = new ItemRead(ConfigurationItemMapper.Parse(json, new SourceLocation(file, (int)line)), null);
        }
        catch (InvalidConfigurationItemException ex)
        {
            result = new ItemRead(null, new InputProblem(file, line, ex.Message));
        }
        return true;
    }

    /// <summary>
    /// The next item's UTF-8 JSON, unparsed, and the line it starts on; valid until the next call. False at the end.
    /// Throws <see cref="InputException"/> when the JSON is broken.
    /// </summary>
    public bool TryReadNextRaw(out ReadOnlySpan<byte> json, out long line) => TryReadNextRaw(out json, out line, out _);

    /// <summary>
    /// As <see cref="TryReadNextRaw(out ReadOnlySpan{byte}, out long)"/>, with where the item's bytes start in the
    /// stream: the same bytes can be read again from there. -1 when they are not the stream's own (an item held as a
    /// JSON string, which is unescaped).
    /// </summary>
    public bool TryReadNextRaw(out ReadOnlySpan<byte> json, out long line, out long offset)
    {
        bool found;
        _problem = null;
        try
        {
            found = ReadNext();
        }
        catch (JsonException ex)
        {
            throw new InputException(new InputProblem(file, (ex.LineNumber ?? 0) + 1, $"invalid JSON: {Describe(ex)}"), ex);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException(new InputProblem(file, null, ex.Message), ex);
        }
        line = _itemLine;
        offset = found && !_itemUnescaped ? _itemStart : -1;
        json = !found || _problem is not null ? default : _itemUnescaped ? _unescaped.AsSpan(0, (int)_itemEnd) : _window.Slice(_itemStart, _itemEnd);
        return found;
    }

    private bool ReadNext()
    {
        while (true)
        {
            if (TakeEnveloped()) return true;
            switch (_mode)
            {
                case Mode.Top:
                    var top = NextToken(out _, out var topStart, out _);
                    if (top == JsonTokenType.None) return false;
                    if (top == JsonTokenType.StartArray) _mode = Mode.TopArray;
                    else if (top == JsonTokenType.StartObject)
                    {
                        _window.Pin = topStart;
                        _containerFound = false;
                        _oversizedSummary = false;
                        _mode = Mode.ObjectScan;
                    }
                    else throw Unexpected(topStart, $"expected a configuration item, an array of items or an AWS CLI output document, found {Describe(top)}");
                    break;

                case Mode.TopArray:
                case Mode.ContainerArray:
                    if (ReadElement()) return true;
                    break;

                case Mode.ObjectScan:
                    if (ScanObject()) return true;
                    break;
            }
        }
    }

    /// <summary>Reads one array element; false (mode updated) when the array ended.</summary>
    private bool ReadElement()
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (!reader.Read()) { RefillOrFail(); continue; }
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    _window.Commit(ref reader);
                    _mode = _mode == Mode.ContainerArray ? Mode.ObjectScan : Mode.Top;
                    return false;
                case JsonTokenType.StartObject:
                    var start = _window.AbsoluteOf(reader.TokenStartIndex);
                    if (!reader.TrySkip()) { RefillOrFail(); continue; }
                    var end = _window.AbsoluteOf(reader.BytesConsumed);
                    _window.Commit(ref reader);
                    return Found(start, end);
                case JsonTokenType.String:
                    // select-resource-config: each result is an item serialized as a JSON string.
                    var stringStart = _window.AbsoluteOf(reader.TokenStartIndex);
                    var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
                    if (_unescaped.Length < length) _unescaped = new byte[Math.Max(length, _unescaped.Length * 2)];
                    var written = reader.CopyString(_unescaped);
                    _window.Commit(ref reader);
                    _itemLine = _window.LineAt(stringStart);
                    (_itemUnescaped, _itemStart, _itemEnd) = (true, 0, written);
                    return true;
                default:
                    throw Unexpected(_window.AbsoluteOf(reader.TokenStartIndex), $"expected a configuration item (an object, or a JSON string holding one), found {Describe(reader.TokenType)}");
            }
        }
    }

    /// <summary>
    /// Reads the next property of a top-level object. The object stays pinned in the window until a container
    /// property (<c>configurationItems</c> ...) shows it is a document of items; an object without one is one item.
    /// </summary>
    private bool ScanObject()
    {
        var token = NextToken(out var name, out _, out var tokenEnd);
        if (token == JsonTokenType.EndObject)
        {
            var pin = _window.Pin;
            _window.Pin = null;
            _mode = Mode.Top;
            if (_containerFound || pin is not { } start) return false;
            if (_oversizedSummary)
            {
                _itemLine = _window.LineAt(start);
                _problem = OversizedNotification.Problem(_window.Slice(start, tokenEnd), file, _itemLine);
                return true;
            }
            return Found(start, tokenEnd);
        }
        if (token != JsonTokenType.PropertyName)
            throw Unexpected(_window.AbsolutePosition, $"expected a property name, found {Describe(token)}");

        if (Array.IndexOf(ContainerProperties, name) >= 0 && PeekIsArray())
        {
            NextToken(out _, out _, out _);
            _containerFound = true;
            _window.Pin = null; // a document of items, not an item: nothing before this needs keeping
            _mode = Mode.ContainerArray;
            return false;
        }
        if (Array.IndexOf(SingleItemProperties, name) >= 0 && PeekIs(JsonTokenType.StartObject))
        {
            _containerFound = true;
            _window.Pin = null;
            return ReadObjectValue();
        }
        if (Array.IndexOf(EnvelopeProperties, name) >= 0 && (PeekIs(JsonTokenType.String) || PeekIs(JsonTokenType.StartObject)))
        {
            if (ReadEnvelope() > 0)
            {
                _containerFound = true;
                _window.Pin = null;
            }
            return false;
        }
        if (name == OversizedNotification.SummaryProperty) _oversizedSummary = true;
        SkipValue();
        return false;
    }

    private JsonTokenType NextToken(out string? propertyName, out long start, out long end)
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (reader.Read())
            {
                propertyName = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                start = _window.AbsoluteOf(reader.TokenStartIndex);
                end = _window.AbsoluteOf(reader.BytesConsumed);
                _window.Commit(ref reader);
                return reader.TokenType;
            }
            if (_window.EndOfStream)
            {
                propertyName = null;
                start = end = _window.AbsolutePosition;
                return JsonTokenType.None;
            }
            _window.Refill();
        }
    }

    private bool PeekIsArray() => PeekIs(JsonTokenType.StartArray);

    private bool PeekIs(JsonTokenType type)
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (reader.Read()) return reader.TokenType == type;
            RefillOrFail();
        }
    }

    private void SkipValue()
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (reader.Read() && reader.TrySkip())
            {
                _window.Commit(ref reader);
                return;
            }
            RefillOrFail();
        }
    }

    private void RefillOrFail()
    {
        if (_window.EndOfStream)
            throw Unexpected(_window.AbsolutePosition, "the JSON ends in the middle of a value (is the file cut short?)");
        _window.Refill();
    }

    /// <summary>Notes an item that is a slice of the window (from <paramref name="start"/> to <paramref name="end"/>, absolute).</summary>
    private bool Found(long start, long end)
    {
        _itemLine = _window.LineAt(start);
        (_itemUnescaped, _itemStart, _itemEnd) = (false, start, end);
        return true;
    }

    private InputException Unexpected(long absolute, string message) =>
        new(new InputProblem(file, _window.LineAt(absolute), message));

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };

    /// <summary>The reader's message without its own (window-relative) position, which the problem states.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
