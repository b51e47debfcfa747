namespace ConfigRules.Cli.Input;

/// <summary>
/// A forward-only stream (an S3 object's body) whose first bytes can be looked at before reading: the gzip magic
/// decides how the rest is read, and a network stream cannot seek back to the start.
/// </summary>
public sealed class HeadBufferedStream(Stream inner) : ForwardOnlyReadStream
{
    private byte[] _head = [];
    private int _headRead;

    /// <summary>Fills <paramref name="into"/> with the first bytes (fewer when the stream is shorter) without consuming them.</summary>
    public int Peek(Span<byte> into)
    {
        if (_head.Length < into.Length)
        {
            var head = new byte[into.Length];
            _head.CopyTo(head, 0);
            var have = _head.Length + inner.ReadAtLeast(head.AsSpan(_head.Length), into.Length - _head.Length, throwOnEndOfStream: false);
            _head = head[..have];
        }
        var count = Math.Min(into.Length, _head.Length);
        _head.AsSpan(0, count).CopyTo(into);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headRead < _head.Length)
        {
            var count = Math.Min(buffer.Length, _head.Length - _headRead);
            _head.AsSpan(_headRead, count).CopyTo(buffer);
            _headRead += count;
            return count;
        }
        return inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_headRead < _head.Length) return Read(buffer.Span);
        return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
