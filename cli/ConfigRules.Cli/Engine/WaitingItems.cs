using System.Buffers.Binary;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// The items that rules with lookups (an execution role, a web ACL, the account's alarms) wait on until the whole
/// input is read: their JSON is appended to a temporary file (deleted when closed) as they are met, with the few
/// fields needed to judge them later, and read back once, in the same order, when every related item is known.
/// </summary>
/// <remarks>
/// One pass over the input, whatever it is (a file, stdin, an S3 object): related items may come after the items
/// that need them, in another file, in any order. Memory does not grow with the waiting items: each costs its bytes
/// on disk (in the page cache while it fits) and nothing in memory. The records are
/// <c>[length:int32][file:int32][line:int64][rules:uint64][json]</c>, little-endian.
/// </remarks>
internal sealed class WaitingItems : IDisposable
{
    private const int HeaderBytes = 24;

    private readonly List<string> _files = [];
    private readonly Dictionary<string, int> _fileIndexes = new(StringComparer.Ordinal);
    private FileStream? _spool;
    private byte[] _record = new byte[64 * 1024];

    public long Count { get; private set; }

    /// <summary>Bytes written so far: what <see cref="TryReadNext"/> reads back.</summary>
    public long Length => _spool?.Length ?? 0;

    /// <summary>Where reading back has got to, in bytes.</summary>
    public long Position => _spool?.Position ?? 0;

    public void Add(ReadOnlySpan<byte> json, string file, long line, RuleSet rules)
    {
        _spool ??= new FileStream(Path.Combine(Path.GetTempPath(), $"configrules-waiting-{Environment.ProcessId}-{Guid.NewGuid():N}.bin"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        if (!_fileIndexes.TryGetValue(file, out var fileIndex))
        {
            _fileIndexes[file] = fileIndex = _files.Count;
            _files.Add(file);
        }
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteInt32LittleEndian(header, json.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], fileIndex);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], line);
        BinaryPrimitives.WriteUInt64LittleEndian(header[16..], rules.Bits);
        _spool.Write(header);
        _spool.Write(json);
        Count++;
    }

    /// <summary>Ends writing; <see cref="TryReadNext"/> then reads the items back from the first.</summary>
    public void Rewind()
    {
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
        file = _files[BinaryPrimitives.ReadInt32LittleEndian(header[4..])];
        line = BinaryPrimitives.ReadInt64LittleEndian(header[8..]);
        rules = new RuleSet(BinaryPrimitives.ReadUInt64LittleEndian(header[16..]));
        if (_record.Length < length) _record = new byte[Math.Max(length, _record.Length * 2)];
        _spool.ReadExactly(_record, 0, length);
        json = _record.AsSpan(0, length);
        return true;
    }

    public void Dispose() => _spool?.Dispose();
}
