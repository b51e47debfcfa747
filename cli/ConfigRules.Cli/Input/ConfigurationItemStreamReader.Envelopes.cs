using System.Text.Json;
using ConfigRules.Framework.Model;

namespace ConfigRules.Cli.Input;

// The documents that hold one item under a property, or a notification inside an envelope.
public sealed partial class ConfigurationItemStreamReader
{
    // One item under a property: ConfigurationItemChangeNotification (configurationItem), get-aggregate-resource-config (ConfigurationItem).
    private static readonly string[] SingleItemProperties = ["configurationItem", "ConfigurationItem"];

    // Envelopes around a change notification: a Config rule's Lambda event (invokingEvent, JSON text), an SNS message
    // (Message, JSON text), an EventBridge event (detail, an object). Their content is read as a document of its own.
    private static readonly string[] EnvelopeProperties = ["invokingEvent", "Message", "detail"];

    private readonly Queue<ItemRead> _enveloped = new();

    /// <summary>
    /// Reads an envelope's content (JSON text or an object) as a document of its own and queues what it holds, each
    /// placed at the envelope's line. Returns how many items or problems were queued.
    /// </summary>
    private int ReadEnvelope()
    {
        byte[] content;
        long line;
        while (true)
        {
            var reader = _window.CreateReader();
            if (!reader.Read()) { RefillOrFail(); continue; }
            var start = _window.AbsoluteOf(reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.String)
            {
                var buffer = new byte[reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length];
                content = buffer[..reader.CopyString(buffer)];
            }
            else
            {
                if (!reader.TrySkip()) { RefillOrFail(); continue; }
                content = _window.Slice(start, _window.AbsoluteOf(reader.BytesConsumed)).ToArray();
            }
            line = _window.LineAt(start);
            _window.Commit(ref reader);
            break;
        }
        var nested = new ConfigurationItemStreamReader(new MemoryStream(content), file, filter);
        var count = 0;
        try
        {
            while (nested.TryReadNext(out var read))
            {
                _enveloped.Enqueue(read.Item is { } item
                    ? read with { Item = item with { Source = new SourceLocation(file, (int)line) } }
                    : read with { Problem = read.Problem! with { Line = line } });
                count++;
            }
        }
        catch (InputException ex)
        {
            _enveloped.Enqueue(new ItemRead(null, ex.Problem with { Line = line, Message = "the envelope's content: " + ex.Problem.Message }));
            count++;
        }
        return count;
    }

    /// <summary>Reads the object that comes next as one item.</summary>
    private bool ReadObjectValue(out ItemRead result)
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (!reader.Read()) { RefillOrFail(); continue; }
            var start = _window.AbsoluteOf(reader.TokenStartIndex);
            if (!reader.TrySkip()) { RefillOrFail(); continue; }
            var end = _window.AbsoluteOf(reader.BytesConsumed);
            var found = TryParse(_window.Slice(start, end), start, out result);
            _window.Commit(ref reader);
            return found;
        }
    }
}
