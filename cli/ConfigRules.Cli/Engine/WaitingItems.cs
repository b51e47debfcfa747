using System.Buffers.Binary;
using ConfigRules.Cli.Input;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// The items that rules with lookups (an execution role, a web ACL, the account's alarms) wait on until the whole
/// input is read, kept on disk in a temporary file (deleted when closed) as they are met, and read back once, in the
/// same order, when every related item is known.
/// </summary>
/// <remarks>
/// One pass over the input, whatever it is (a file, stdin, an S3 object): related items may come after the items
/// that need them, in another file, in any order. Memory does not grow with the waiting items. An item judged ahead
/// (<see cref="JudgingAhead"/>) is kept with its rendered findings and the answers they rest on: if those are still
/// the answers at the end, the findings are taken as they are and the item is not read again. An item of a plain
/// file is kept as where it is (the input and offset) and read from the file again when it must be judged again;
/// an item whose bytes cannot be found again (gzip, a network stream, a JSON string) is kept whole. The records are
/// <c>[length:int32][input:int32][line:int64][rules:uint64][offset:int64][rendered length:int32, -1 if not judged ahead]
/// [reads length:int32][counts:4 x int32]</c>, little-endian, then the rendered findings and reads, then the JSON when
/// the offset is -1.
/// </remarks>
internal sealed class WaitingItems : IDisposable
{
    private const int HeaderBytes = 56;

    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _inputNames = [];
    private FileStream? _spool;
    private byte[] _record = new byte[64 * 1024];
    private byte[] _ahead = new byte[4 * 1024];
    private Func<int, OpenedInput>? _reopen;
    private (int Input, OpenedInput Opened)? _reopened;

    public long Count { get; private set; }

    /// <summary>Items read back whose findings judged ahead were kept, and items judged again.</summary>
    public long KeptAhead { get; private set; }

    public long JudgedAgain { get; private set; }

    /// <summary>Bytes of the temporary file.</summary>
    public long Length => _spool?.Length ?? 0;

    /// <summary>Where reading back has got to in the temporary file, in bytes.</summary>
    public long Position => _spool?.Position ?? 0;

    /// <summary>
    /// Keeps an item; <paramref name="offset"/> (with <paramref name="input"/>) is where its bytes can be read again,
    /// or -1. With <paramref name="counts"/>, the item was judged ahead: its findings and the reads behind them.
    /// </summary>
    public void Add(ReadOnlySpan<byte> json, string file, long line, RuleSet rules, int input = -1, long offset = -1,
        FindingCounts? counts = null, ReadOnlySpan<byte> rendered = default, ReadOnlySpan<byte> reads = default)
    {
        _spool ??= new FileStream(Path.Combine(Path.GetTempPath(), $"configrules-waiting-{Environment.ProcessId}-{Guid.NewGuid():N}.bin"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        var kept = input >= 0 && offset >= 0;
        var fileIndex = 0;
        if (kept) _inputNames.TryAdd(input, file);
        else if (!_fileIndexes.TryGetValue(file, out fileIndex))
        {
            _fileIndexes[file] = fileIndex = _files.Count;
            _files.Add(file);
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, json.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], kept ? input : -1 - fileIndex);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], line);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], rules.Bits);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], kept ? offset : -1);
        BinaryPrimitives.WriteInt32LittleEndian(header[32..], counts is null ? -1 : rendered.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[36..], counts is null ? 0 : reads.Length);
        var c = counts ?? default;
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], c.Compliant);
        BinaryPrimitives.WriteInt32LittleEndian(header[44..], c.NonCompliant);
        BinaryPrimitives.WriteInt32LittleEndian(header[48..], c.NotApplicable);
        BinaryPrimitives.WriteInt32LittleEndian(header[52..], c.Exempted);
        _spool.Write(header);
        if (counts is not null)
        {
            _spool.Write(rendered);
            _spool.Write(reads);
        }
        if (!kept) _spool.Write(json);
        Count++;
    }

    /// <summary>Ends writing; <see cref="TryReadNext"/> then reads the items back from the first, opening inputs again with <paramref name="reopen"/>.</summary>
    public void Rewind(Func<int, OpenedInput> reopen)
    {
        _reopen = reopen;
        if (_spool is null) return;
        _spool.Flush();
        _spool.Position = 0;
    }

    /// <summary>
    /// The next waiting item. When it was judged ahead and <paramref name="stillRight"/> says the reads behind it
    /// are still the answers, the result is its rendered findings (<see cref="WaitingRead.Counts"/> set) and the item
    /// is not read; else its JSON. Either is valid until the next call.
    /// </summary>
    public bool TryReadNext(Func<ReadOnlySpan<byte>, bool> stillRight, out WaitingRead read)
    {
        read = default;
        if (_spool is null) return false;
        Span<byte> header = stackalloc byte[HeaderBytes];
        var count = _spool.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        if (count == 0) return false;
        if (count < HeaderBytes) throw new InvalidDataException("The temporary file of waiting items ends in the middle of a record.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var source = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var line = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        var rules = new RuleSet(BinaryPrimitives.ReadUInt64LittleEndian(header[16..]));
        var offset = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        var renderedLength = BinaryPrimitives.ReadInt32LittleEndian(header[32..]);
        var file = offset < 0 ? _files[-1 - source] : _inputNames[source];
        if (renderedLength >= 0)
        {
            var readsLength = BinaryPrimitives.ReadInt32LittleEndian(header[36..]);
            if (_ahead.Length < renderedLength + readsLength) _ahead = new byte[Math.Max(renderedLength + readsLength, _ahead.Length * 2)];
            _spool.ReadExactly(_ahead, 0, renderedLength + readsLength);
            if (stillRight(_ahead.AsSpan(renderedLength, readsLength)))
            {
                if (offset < 0) _spool.Seek(length, SeekOrigin.Current);
                var counts = new FindingCounts(BinaryPrimitives.ReadInt32LittleEndian(header[40..]), BinaryPrimitives.ReadInt32LittleEndian(header[44..]),
                    BinaryPrimitives.ReadInt32LittleEndian(header[48..]), BinaryPrimitives.ReadInt32LittleEndian(header[52..]));
                read = new WaitingRead(_ahead.AsMemory(0, renderedLength), file, line, rules, counts);
                KeptAhead++;
                return true;
            }
            JudgedAgain++;
        }
        if (_record.Length < length) _record = new byte[Math.Max(length, _record.Length * 2)];
        if (offset < 0)
        {
            _spool.ReadExactly(_record, 0, length);
        }
        else
        {
            var content = Reopened(source);
            content.Position = offset;
            content.ReadExactly(_record, 0, length);
        }
        read = new WaitingRead(_record.AsMemory(0, length), file, line, rules, null);
        return true;
    }

    /// <summary>Inputs are read back in order, so only the last one reopened is kept open.</summary>
    private Stream Reopened(int input)
    {
        if (_reopened is { } open && open.Input == input) return open.Opened.Content;
        _reopened?.Opened.Dispose();
        var opened = (_reopen ?? throw new InvalidOperationException("Rewind before reading waiting items back."))(input);
        if (!opened.Addressable) throw new InvalidOperationException($"Input {input} cannot be read from an offset the second time it is opened.");
        _reopened = (input, opened);
        return opened.Content;
    }

    public void Dispose()
    {
        _reopened?.Opened.Dispose();
        _spool?.Dispose();
    }
}

/// <summary>A waiting item read back: its JSON, or (with <see cref="Counts"/>) the findings it was judged ahead with.</summary>
internal readonly record struct WaitingRead(ReadOnlyMemory<byte> Bytes, string File, long Line, RuleSet Rules, FindingCounts? Counts);
