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
/// that need them, in another file, in any order. Memory does not grow with the waiting items. An item of a plain
/// file is kept as where it is (the input, offset and length: 32 bytes) and read from the file again; an item whose
/// bytes cannot be found again (gzip, a network stream, a JSON string) is kept whole. The records are
/// <c>[length:int32][input:int32][line:int64][rules:uint64][offset:int64]</c>, little-endian, followed by the JSON when
/// the offset is -1.
/// </remarks>
internal sealed class WaitingItems : IDisposable
{
    private const int HeaderBytes = 32;

    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _inputNames = [];
    private FileStream? _spool;
    private byte[] _record = new byte[64 * 1024];
    private Func<int, OpenedInput>? _reopen;
    private (int Input, OpenedInput Opened)? _reopened;

    public long Count { get; private set; }

    /// <summary>Bytes of the temporary file.</summary>
    public long Length => _spool?.Length ?? 0;

    /// <summary>Where reading back has got to in the temporary file, in bytes.</summary>
    public long Position => _spool?.Position ?? 0;

    /// <summary>Keeps an item; <paramref name="offset"/> (with <paramref name="input"/>) is where its bytes can be read again, or -1.</summary>
    public void Add(ReadOnlySpan<byte> json, string file, long line, RuleSet rules, int input = -1, long offset = -1)
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
        _spool.Write(header);
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

    /// <summary>The next waiting item; its JSON is valid until the next call.</summary>
    public bool TryReadNext(out ReadOnlySpan<byte> json, out string file, out long line, out RuleSet rules)
    {
        json = default;
        (file, line, rules) = (string.Empty, 0, RuleSet.None);
        if (_spool is null) return false;
        Span<byte> header = stackalloc byte[HeaderBytes];
        var read = _spool.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        if (read == 0) return false;
        if (read < HeaderBytes) throw new InvalidDataException("The temporary file of waiting items ends in the middle of a record.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var source = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        line = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        rules = new RuleSet(BinaryPrimitives.ReadUInt64LittleEndian(header[16..]));
        var offset = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (_record.Length < length) _record = new byte[Math.Max(length, _record.Length * 2)];
        if (offset < 0)
        {
            file = _files[-1 - source];
            _spool.ReadExactly(_record, 0, length);
        }
        else
        {
            file = _inputNames[source];
            var content = Reopened(source);
            content.Position = offset;
            content.ReadExactly(_record, 0, length);
        }
        json = _record.AsSpan(0, length);
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
