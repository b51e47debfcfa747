using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.S3;

/// <summary>A GetObject answer: the object's metadata and its body, read once as a stream. Dispose it after reading.</summary>
public sealed class S3ObjectResponse(AwsStreamingResponse response, string bucket, string key) : IDisposable
{
    public string Bucket { get; } = bucket;
    public string Key { get; } = key;
    public long? ContentLength => response.ContentLength;
    public string? ETag => response.Header("ETag");

    /// <summary>The version read, on a versioned bucket (the audit trail of a governed document).</summary>
    public string? VersionId => response.Header("x-amz-version-id");

    public Task<Stream> OpenBodyAsync(CancellationToken cancellationToken) => response.OpenBodyAsync(cancellationToken);

    public void Dispose() => response.Dispose();
}

/// <summary>One object of a ListObjectsV2 page.</summary>
public sealed record S3ObjectSummary(string Key, long Size, DateTimeOffset? LastModified, string? ETag);
