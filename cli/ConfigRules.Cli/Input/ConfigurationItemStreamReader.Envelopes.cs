using System.Text.Json;

namespace ConfigRules.Cli.Input;

// The documents that hold one item under a property, or a notification inside an envelope.
public sealed partial class ConfigurationItemStreamReader
{
    // One item under a property: ConfigurationItemChangeNotification (configurationItem), get-aggregate-resource-config (ConfigurationItem).
    private static readonly string[] SingleItemProperties = ["configurationItem", "ConfigurationItem"];

    // Envelopes around a change notification: a Config rule's Lambda event (invokingEvent, JSON text), an SNS message
    // (Message, JSON text), an EventBridge event (detail, an object). Their content is read as a document of its own.
    private static readonly string[] EnvelopeProperties = ["invokingEvent", "Message", "detail"];

    /// <summary>What an envelope held: an item's JSON (copied out) or a problem, each placed at the envelope's line.</summary>
    private readonly record struct Enveloped(byte[]? Json, long Line, InputProblem? Problem);

    private readonly Queue<Enveloped> _enveloped = new();

    /// <summary>Hands out the next thing an envelope held, if any, as the reader's current item or problem.</summary>
    private bool TakeEnveloped()
    {
        if (!_enveloped.TryDequeue(out var next)) return false;
        _itemLine = next.Line;
        if (next.Problem is { } problem)
        {
            _problem = problem;
            return true;
        }
        var json = next.Json!;
        if (_unescaped.Length < json.Length) _unescaped = new byte[Math.Max(json.Length, _unescaped.Length * 2)];
        json.CopyTo(_unescaped, 0);
        (_itemUnescaped, _itemStart, _itemEnd) = (true, 0, json.Length);
        return true;
    }

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
        var nested = new ConfigurationItemStreamReader(new MemoryStream(content), file);
        var count = 0;
        try
        {
            while (nested.TryReadNextRaw(out var json, out _))
            {
                _enveloped.Enqueue(nested.Problem is { } problem
                    ? new Enveloped(null, line, problem with { Line = line })
                    : new Enveloped(json.ToArray(), line, null));
                count++;
            }
        }
        catch (InputException ex)
        {
            _enveloped.Enqueue(new Enveloped(null, line, ex.Problem with { Line = line, Message = "the envelope's content: " + ex.Problem.Message }));
            count++;
        }
        return count;
    }

    /// <summary>Reads the object that comes next as one item.</summary>
    private bool ReadObjectValue()
    {
        while (true)
        {
            var reader = _window.CreateReader();
            if (!reader.Read()) { RefillOrFail(); continue; }
            var start = _window.AbsoluteOf(reader.TokenStartIndex);
            if (!reader.TrySkip()) { RefillOrFail(); continue; }
            var end = _window.AbsoluteOf(reader.BytesConsumed);
            _window.Commit(ref reader);
            return Found(start, end);
        }
    }
}
