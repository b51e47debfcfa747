namespace ConfigRules.Cli.Input;

/// <summary>
/// A stream that is only read, front to back (an S3 object's body and the wrappers around it): every member a
/// read-only, non-seekable stream must refuse, in one place, so that a subclass says only how it reads and disposes.
/// </summary>
public abstract class ForwardOnlyReadStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
