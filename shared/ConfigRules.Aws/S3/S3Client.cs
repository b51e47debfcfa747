using System.Runtime.CompilerServices;
using System.Text;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Signing;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.S3;

/// <summary>
/// Amazon S3 over restXml: GetObject (the body streamed) and ListObjectsV2 (every page). Buckets are addressed
/// virtual-host style against AWS (<c>https://bucket.s3.region.amazonaws.com/key</c>) and path-style against an
/// endpoint override or for a bucket name with dots (which the wildcard certificate does not cover). Requests are
/// signed as S3 wants them: the path as sent and x-amz-content-sha256. Refusals that users meet (NoSuchKey,
/// NoSuchBucket, AccessDenied, a bucket in another region) become <see cref="S3RequestException"/> naming the object.
/// </summary>
public sealed class S3Client(AwsTransport transport, AwsEndpoint endpoint)
{
    /// <summary>The most keys ListObjectsV2 returns a page (its default and maximum).</summary>
    public const int MaxKeysPerPage = 1000;

    private readonly AwsTransport _transport = transport ?? throw new ArgumentNullException(nameof(transport));
    private readonly AwsEndpoint _endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));

    public static S3Client Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.S3));

    /// <summary>GetObject (<c>GET /{Bucket}/{Key+}</c>): the object with its body still on the connection; dispose it.</summary>
    /// <exception cref="S3RequestException">The object or bucket does not exist, or access is denied.</exception>
    public async Task<S3ObjectResponse> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var request = Request("GetObject", bucket, "/" + SigV4Canonicalizer.UriEncode(key, keepSlash: true), string.Empty);
        try
        {
            var response = await _transport.SendStreamingAsync(request, cancellationToken).ConfigureAwait(false);
            return new S3ObjectResponse(response, bucket, key);
        }
        catch (AwsServiceException ex) when (S3RequestException.Explains(ex))
        {
            throw new S3RequestException(ex, bucket, key, _endpoint.SigningRegion);
        }
    }

    /// <summary>
    /// The object's text (UTF-8, a byte order mark dropped), read to at most <paramref name="maxBytes"/>: a document
    /// such as the exemptions file, never a large export (those are streamed with <see cref="GetObjectAsync"/>).
    /// </summary>
    /// <exception cref="S3ObjectTooLargeException">The object is larger than <paramref name="maxBytes"/>.</exception>
    public async Task<string> GetObjectTextAsync(string bucket, string key, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        using var response = await GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        if (response.ContentLength > maxBytes) throw new S3ObjectTooLargeException(bucket, key, maxBytes);
        await using var body = await response.OpenBodyAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw new S3ObjectTooLargeException(bucket, key, maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(StripBom(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    /// <summary>
    /// ListObjectsV2 (<c>GET /{Bucket}?list-type=2</c>) through every page (continuation tokens): the objects whose
    /// keys start with <paramref name="prefix"/>, in S3's key order. Keys are asked URL-encoded (as the SDKs do, so that
    /// any character survives XML) and decoded here.
    /// </summary>
    public async IAsyncEnumerable<S3ObjectSummary> ListObjectsAsync(string bucket, string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken, int maxKeysPerPage = MaxKeysPerPage)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeysPerPage);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxKeysPerPage, MaxKeysPerPage);
        string? continuation = null;
        do
        {
            var query = new StringBuilder("list-type=2&encoding-type=url&max-keys=").Append(maxKeysPerPage);
            if (prefix.Length > 0) query.Append("&prefix=").Append(QueryValue(prefix));
            if (continuation is not null) query.Append("&continuation-token=").Append(QueryValue(continuation));
            AwsHttpResponse response;
            try
            {
                response = await _transport.SendAsync(Request("ListObjectsV2", bucket, string.Empty, query.ToString()), cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (S3RequestException.Explains(ex))
            {
                throw new S3RequestException(ex, bucket, prefix, _endpoint.SigningRegion);
            }
            var page = ListObjectsV2Page.Read(response.Body);
            foreach (var summary in page.Objects) yield return summary;
            if (page.IsTruncated && (page.NextContinuationToken is null || page.NextContinuationToken == continuation))
                throw new AwsProtocolException($"S3 ListObjectsV2 of s3://{bucket}/{prefix} said more pages follow but gave no new NextContinuationToken.");
            continuation = page.IsTruncated ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    private AwsRequest Request(string operation, string bucket, string pathInBucket, string query)
    {
        if (S3Location.BucketProblem(bucket) is { } problem) throw new ArgumentException($"S3 {operation}: {problem}.", nameof(bucket));
        var (endpoint, path) = Address(bucket, pathInBucket);
        var relative = query.Length == 0 ? path : path + "?" + query;
        return new AwsRequest(AwsService.S3, endpoint, operation, HttpMethod.Get, relative, [], null, null, RestXmlErrorParser.Instance, SigningOptions.S3);
    }

    /// <summary>
    /// Virtual-host style against AWS for DNS-safe names, path-style against an endpoint override or for dotted names.
    /// A bucket-level operation (an empty <paramref name="pathInBucket"/>) is <c>/bucket?…</c> path-style, <c>/?…</c> on the bucket's host.
    /// </summary>
    private (AwsEndpoint Endpoint, string Path) Address(string bucket, string pathInBucket)
    {
        if (_endpoint.IsOverride || bucket.Contains('.', StringComparison.Ordinal))
            return (_endpoint, "/" + bucket + pathInBucket);
        var virtualHost = new UriBuilder(_endpoint.BaseUri) { Host = bucket + "." + _endpoint.BaseUri.Host }.Uri;
        return (_endpoint with { BaseUri = virtualHost }, pathInBucket.Length == 0 ? "/" : pathInBucket);
    }

    private static string QueryValue(string value) => SigV4Canonicalizer.UriEncode(value, keepSlash: false);

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
}
