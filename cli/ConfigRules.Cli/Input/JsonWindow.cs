using System.Text.Json;

namespace ConfigRules.Cli.Input;

/// <summary>
/// A sliding window over a JSON stream for <see cref="Utf8JsonReader"/>: the reader state is carried from window to
/// window, bytes before the current position are dropped on refill (unless pinned), and the window grows only as
/// much as one value needs. Also counts lines, so items and errors can name theirs.
/// </summary>
internal sealed class JsonWindow(Stream stream)
{
    private const int InitialSize = 64 * 1024;

    /// <summary>A single value larger than this is refused rather than buffered (Config items are far smaller).</summary>
    public const int MaxValueBytes = 512 * 1024 * 1024;

    private static readonly JsonReaderOptions Options = new()
    {
        AllowMultipleValues = true, // NDJSON and concatenated documents
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
    };

    private byte[] _buffer = new byte[InitialSize];
    private int _end;
    private long _bufferOffset;
    private long _countedTo;
    private long _newlines;
    private bool _started;

    public JsonReaderState State { get; private set; } = new(Options);
    public int Position { get; private set; }
    public bool EndOfStream { get; private set; }

    /// <summary>An absolute offset the window keeps while set (a top-level object that may turn out to be one item).</summary>
    public long? Pin { get; set; }

    public long AbsolutePosition => _bufferOffset + Position;

    public Utf8JsonReader CreateReader() => new(_buffer.AsSpan(Position, _end - Position), EndOfStream, State);

    /// <summary>Accepts what the reader consumed.</summary>
    public void Commit(ref Utf8JsonReader reader)
    {
        Position += (int)reader.BytesConsumed;
        State = reader.CurrentState;
    }

    /// <summary>Absolute offset of a token the reader just read.</summary>
    public long AbsoluteOf(long tokenStartIndex) => _bufferOffset + Position + tokenStartIndex;

    public ReadOnlySpan<byte> Slice(long absoluteStart, long absoluteEnd) =>
        _buffer.AsSpan((int)(absoluteStart - _bufferOffset), (int)(absoluteEnd - absoluteStart));

    /// <summary>The 1-based line of an absolute offset at or after the last one asked for.</summary>
    public long LineAt(long absolute)
    {
        CountLinesTo(absolute);
        return _newlines + 1;
    }

    /// <summary>Reads more: drops what is consumed (keeping a pin), grows when one value fills the window.</summary>
    public void Refill()
    {
        if (EndOfStream) throw new InvalidOperationException("Refill after the end of the stream.");
        var keepFrom = (int)(Math.Min(Pin ?? long.MaxValue, AbsolutePosition) - _bufferOffset);
        if (keepFrom > 0)
        {
            CountLinesTo(_bufferOffset + keepFrom);
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, _end - keepFrom);
            _end -= keepFrom;
            Position -= keepFrom;
            _bufferOffset += keepFrom;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueBytes)
                throw new InvalidDataException($"one JSON value is larger than {MaxValueBytes / (1024 * 1024)} MB.");
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxValueBytes));
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) EndOfStream = true;
        _end += read;
        if (!_started && _end >= 3) SkipByteOrderMark();
    }

    private void SkipByteOrderMark()
    {
        _started = true;
        if (_buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8)) Position = 3;
    }

    private void CountLinesTo(long absolute)
    {
        if (absolute <= _countedTo) return;
        var from = (int)(_countedTo - _bufferOffset);
        var to = (int)(absolute - _bufferOffset);
        _newlines += _buffer.AsSpan(from, to - from).Count((byte)'\n');
        _countedTo = absolute;
    }
}
