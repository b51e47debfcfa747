using ConfigRules.Aws.S3;
using ConfigRules.Cli.Input;
using ConfigRules.Framework.Events;

namespace ConfigRules.Cli.Sources;

/// <summary>
/// RESOURCES given as <c>s3://bucket/key</c> (one object) or <c>s3://bucket/prefix/</c> (every object under it, through
/// every ListObjectsV2 page, in key order): each object is one input, its body streamed from GetObject as it is
/// read, never downloaded whole. Objects found under a prefix are like files found in a folder: one that is not JSON
/// (Config's <c>ConfigWritabilityCheckFile</c>) is skipped with a notice; a named one is always read.
/// </summary>
public sealed class S3Inputs(CliAws aws)
{
    private S3Client? _client;

    public static bool IsS3(string argument) => argument.StartsWith(S3Location.Scheme, StringComparison.Ordinal);

    private S3Client Client => _client ??= S3Client.Create(aws.Context);

    /// <summary>The inputs an s3:// argument names; what cannot be listed becomes a problem naming the argument.</summary>
    public IReadOnlyList<InputFile> Expand(string argument, List<InputProblem> problems)
    {
        if (!S3Location.TryParse(argument, out var location, out var problem))
        {
            problems.Add(new InputProblem(argument, null, problem));
            return [];
        }
        if (!location.IsPrefix) return [new InputFile(argument, argument, true)];
        try
        {
            var found = Client.ListObjectsAsync(location.Bucket, location.Key, CancellationToken.None).ToBlockingEnumerable()
                .Where(summary => !summary.Key.EndsWith('/')) // the console's "folder" markers hold nothing
                .Select(summary => new S3Location(location.Bucket, summary.Key).ToString())
                .Select(uri => new InputFile(uri, uri, false))
                .ToList();
            if (found.Count == 0) problems.Add(new InputProblem(argument, null, "no object has a key under this prefix."));
            return found;
        }
        catch (ConfigRulesException ex)
        {
            problems.Add(new InputProblem(argument, null, $"cannot be listed: {ex.Message}"));
            return [];
        }
    }

    /// <summary>The object's body as it arrives; disposing it closes the connection.</summary>
    /// <exception cref="S3InputException">GetObject failed (no such object, access denied, no region or credentials, ...).</exception>
    public Stream Open(string uri)
    {
        var location = S3Location.Parse(uri);
        S3ObjectResponse? response = null;
        try
        {
            response = Client.GetObjectAsync(location.Bucket, location.Key, CancellationToken.None).GetAwaiter().GetResult();
            var body = response.OpenBodyAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new S3ObjectStream(response, body);
        }
        catch (ConfigRulesException ex)
        {
            response?.Dispose();
            throw new S3InputException(ex.Message, ex);
        }
    }

    /// <summary>The body and the response it belongs to, disposed together.</summary>
    private sealed class S3ObjectStream(S3ObjectResponse response, Stream body) : ForwardOnlyReadStream
    {
        public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => body.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => body.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => body.ReadAsync(buffer, offset, count, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                body.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>An S3 object could not be read; an <see cref="IOException"/> so that it is reported like a file that cannot be.</summary>
public sealed class S3InputException(string message, Exception inner) : IOException(message, inner);
