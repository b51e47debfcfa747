using System.IO.Compression;
using ConfigRules.Cli.Sources;

namespace ConfigRules.Cli.Input;

/// <summary>
/// Opens an input for reading: gzip is recognised by its magic bytes (Config delivers <c>.json.gz</c> to S3,
/// and names lie), and stdin is first copied to a temporary file (deleted on close) so that, like a file, the items
/// that wait for related items can be read again from their offsets instead of being kept whole. With
/// <paramref name="s3"/>, s3:// objects are streamed from S3.
/// </summary>
public sealed class InputOpener(Func<Stream> standardInput, S3Inputs? s3 = null) : IDisposable
{
    /// <summary>An <see cref="InputFile.Path"/> starting with this names a resource embedded in the tool (the sample account).</summary>
    public const string EmbeddedPrefix = "embedded:";

    private string? _spooledStandardInput;

    /// <summary>Opens the decoded content of the file; <paramref name="raw"/> is the underlying file, for progress.</summary>
    public Stream Open(InputFile file, out Stream raw)
    {
        Stream stream;
        if (file.Path.StartsWith(EmbeddedPrefix, StringComparison.Ordinal))
        {
            var name = file.Path[EmbeddedPrefix.Length..];
            stream = typeof(InputOpener).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded resource {name} is missing from this build.");
        }
        else if (s3 is not null && S3Inputs.IsS3(file.Path))
        {
            stream = new HeadBufferedStream(s3.Open(file.Path));
        }
        else
        {
            var path = file.Path == InputFiles.StandardInput ? SpoolStandardInput() : file.Path;
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        raw = stream;
        Span<byte> magic = stackalloc byte[2];
        int read;
        if (stream is HeadBufferedStream head) read = head.Peek(magic);
        else
        {
            read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
        }
        if (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new BufferedStream(new GZipStream(stream, CompressionMode.Decompress), 64 * 1024);
        return stream;
    }

    /// <summary>The first non-blank byte of a file's decoded content, or null when it has none.</summary>
    public byte? FirstByte(InputFile file)
    {
        using var stream = Open(file, out _);
        int value;
        while ((value = stream.ReadByte()) >= 0)
        {
            if (value is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)) return (byte)value;
        }
        return null;
    }

    private string SpoolStandardInput()
    {
        if (_spooledStandardInput is not null) return _spooledStandardInput;
        var path = Path.Combine(Path.GetTempPath(), $"configrules-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
        using (var source = standardInput())
        {
            source.CopyTo(target);
        }
        _spooledStandardInput = path;
        return path;
    }

    public void Dispose()
    {
        if (_spooledStandardInput is not null) File.Delete(_spooledStandardInput);
    }
}
